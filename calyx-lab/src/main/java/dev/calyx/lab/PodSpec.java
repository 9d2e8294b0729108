package dev.calyx.lab;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A pod of the model: its reference, labels and the container ports it serves. */
public record PodSpec(PodRef ref, Map<String, String> labels, List<ContainerPort> ports) {
    public PodSpec {
        Objects.requireNonNull(ref, "ref");
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
    }
}
