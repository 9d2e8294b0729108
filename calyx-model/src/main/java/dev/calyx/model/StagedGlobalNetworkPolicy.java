package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.policy.Rule;

import java.util.List;

/** A GlobalNetworkPolicy evaluated for flow logs only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StagedGlobalNetworkPolicy(ObjectMeta metadata, Spec spec) implements Resource {
    public StagedGlobalNetworkPolicy withMetadata(ObjectMeta m) {
        return new StagedGlobalNetworkPolicy(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            String stagedAction,
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
