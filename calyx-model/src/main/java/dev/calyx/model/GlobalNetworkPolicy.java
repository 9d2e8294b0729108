package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.policy.Rule;

import java.util.List;

/** Cluster-wide Calico policy; adds namespaceSelector, doNotTrack, preDNAT, applyOnForward. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GlobalNetworkPolicy(ObjectMeta metadata, Spec spec) implements Resource {
    public GlobalNetworkPolicy withMetadata(ObjectMeta m) {
        return new GlobalNetworkPolicy(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            String tier,
            Double order,
            List<Rule> ingress,
            List<Rule> egress,
            String selector,
            List<String> types,
            Boolean doNotTrack,
            Boolean preDNAT,
            Boolean applyOnForward,
            String serviceAccountSelector,
            String namespaceSelector,
            List<String> performanceHints) {

        public Spec {
            ingress = ingress == null ? null : List.copyOf(ingress);
            egress = egress == null ? null : List.copyOf(egress);
            types = types == null ? null : List.copyOf(types);
            performanceHints = performanceHints == null ? null : List.copyOf(performanceHints);
        }
    }
}
