package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.policy.Rule;

import java.util.List;
import java.util.Map;

/** Rules and labels applied to endpoints that list the profile (e.g. {@code kns.<namespace>}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Profile(ObjectMeta metadata, Spec spec) implements Resource {
    public Profile withMetadata(ObjectMeta m) {
        return new Profile(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(List<Rule> ingress, List<Rule> egress, Map<String, String> labelsToApply) {
        public Spec {
            ingress = ingress == null ? null : List.copyOf(ingress);
            egress = egress == null ? null : List.copyOf(egress);
            labelsToApply = labelsToApply == null ? null : Maps.copyOrdered(labelsToApply);
        }
    }
}
