package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.k8s.LabelSelector;
import dev.calyx.model.k8s.NetworkPolicyEgressRule;
import dev.calyx.model.k8s.NetworkPolicyIngressRule;

import java.util.List;

/** A Kubernetes-shaped NetworkPolicy evaluated for flow logs only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StagedKubernetesNetworkPolicy(ObjectMeta metadata, Spec spec) implements Resource {
    public StagedKubernetesNetworkPolicy withMetadata(ObjectMeta m) {
        return new StagedKubernetesNetworkPolicy(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String stagedAction, LabelSelector podSelector, List<NetworkPolicyIngressRule> ingress,
                       List<NetworkPolicyEgressRule> egress, List<String> policyTypes) {
    }
}
