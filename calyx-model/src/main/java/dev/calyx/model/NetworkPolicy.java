package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.policy.Rule;

import java.util.List;

/** Namespaced Calico policy. {@code types} is inferred from the rules when omitted (see defaults). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkPolicy(ObjectMeta metadata, Spec spec) implements Resource {
    public NetworkPolicy withMetadata(ObjectMeta m) {
        return new NetworkPolicy(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
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
