package dev.calyx.lab;

import java.util.Map;
import java.util.Objects;

/** A namespace of the model with its labels (as {@code model.yaml} declares them). */
public record NamespaceSpec(String name, Map<String, String> labels) {
    public NamespaceSpec {
        Objects.requireNonNull(name, "name");
        labels = Map.copyOf(labels);
    }
}
