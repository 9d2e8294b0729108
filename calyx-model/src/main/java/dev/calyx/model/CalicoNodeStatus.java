package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** A request for per-node status reports (agent, BGP, routes) every {@code updatePeriodSeconds}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalicoNodeStatus(ObjectMeta metadata, Spec spec, Map<String, Object> status) implements Resource {
    public CalicoNodeStatus withMetadata(ObjectMeta m) {
        return new CalicoNodeStatus(m, spec, status);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String node, List<String> classes, Long updatePeriodSeconds) {
        public Spec {
            classes = classes == null ? null : List.copyOf(classes);
        }
    }
}
