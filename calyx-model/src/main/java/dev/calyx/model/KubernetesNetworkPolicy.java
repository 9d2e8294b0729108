package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.k8s.LabelSelector;
import dev.calyx.model.k8s.NetworkPolicyEgressRule;
import dev.calyx.model.k8s.NetworkPolicyIngressRule;

import java.util.List;
import java.util.Map;

/**
 * {@code networking.k8s.io/v1} NetworkPolicy. Its dataplane form is the Calico NetworkPolicy
 * {@code knp.default.<name>} produced by {@link dev.calyx.model.k8s.K8sPolicyConverter}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubernetesNetworkPolicy(ObjectMeta metadata, Spec spec, Map<String, Object> status)
        implements Resource {
    public KubernetesNetworkPolicy withMetadata(ObjectMeta m) {
        return new KubernetesNetworkPolicy(m, spec, status);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(LabelSelector podSelector, List<NetworkPolicyIngressRule> ingress,
                       List<NetworkPolicyEgressRule> egress, List<String> policyTypes) {
        public Spec {
            ingress = ingress == null ? null : List.copyOf(ingress);
            egress = egress == null ? null : List.copyOf(egress);
            policyTypes = policyTypes == null ? null : List.copyOf(policyTypes);
        }
    }
}
