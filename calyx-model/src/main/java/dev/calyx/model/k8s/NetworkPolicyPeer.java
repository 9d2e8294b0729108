package dev.calyx.model.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A NetworkPolicy peer: pods and/or namespaces by selector, or an ipBlock. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkPolicyPeer(LabelSelector podSelector, LabelSelector namespaceSelector, IpBlock ipBlock) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IpBlock(String cidr, List<String> except) {
        public IpBlock {
            except = except == null ? null : List.copyOf(except);
        }
    }
}
