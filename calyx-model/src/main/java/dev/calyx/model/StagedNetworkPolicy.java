package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.policy.Rule;

import java.util.List;

/** A NetworkPolicy evaluated for flow logs only; {@code stagedAction} Set/Delete/Learn/Ignore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StagedNetworkPolicy(ObjectMeta metadata, Spec spec) implements Resource {
    public StagedNetworkPolicy withMetadata(ObjectMeta m) {
        return new StagedNetworkPolicy(m, spec);
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
            String serviceAccountSelector,
            List<String> performanceHints) {

        public Spec {
            ingress = ingress == null ? null : List.copyOf(ingress);
            egress = egress == null ? null : List.copyOf(egress);
            types = types == null ? null : List.copyOf(types);
            performanceHints = performanceHints == null ? null : List.copyOf(performanceHints);
        }
    }
}
