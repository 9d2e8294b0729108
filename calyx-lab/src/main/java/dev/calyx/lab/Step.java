package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * One step of a case, performed as apply, delete, relabel, then converge and probe.
 *
 * @param apply whole {@code networking.k8s.io/v1} NetworkPolicy objects, placeholders not yet substituted (treat as
 *              read-only; {@link Placeholders#substitute} returns copies)
 */
public record Step(String description, List<JsonNode> apply, List<PolicyRef> delete, List<Relabel> relabel,
                   List<ProbeSpec> probes) {
    public Step {
        description = Objects.requireNonNullElse(description, "");
        apply = List.copyOf(apply);
        delete = List.copyOf(delete);
        relabel = List.copyOf(relabel);
        probes = List.copyOf(probes);
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("step '" + description + "': probes must not be empty");
        }
    }
}
