package dev.calyx.model.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Allowed sources ({@code from}, empty = everywhere) on {@code ports} (empty = all ports). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkPolicyIngressRule(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> from) {
    public NetworkPolicyIngressRule {
        ports = ports == null ? null : List.copyOf(ports);
        from = from == null ? null : List.copyOf(from);
    }
}
