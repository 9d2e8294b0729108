package dev.calyx.lab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A label change of a namespace or pod: labels in {@code add} are set (overwriting), keys in {@code remove} dropped.
 *
 * @param namespace the pod's namespace; for a Namespace relabel, equal to {@code name}
 */
public record Relabel(Kind kind, String namespace, String name, Map<String, String> add, List<String> remove) {
    public enum Kind { Namespace, Pod }

    public Relabel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        add = Map.copyOf(add);
        remove = List.copyOf(remove);
        if (add.isEmpty() && remove.isEmpty()) {
            throw new IllegalArgumentException("relabel " + kind + " " + name + ": needs add and/or remove");
        }
    }

    /** {@code labels} after this change. */
    public Map<String, String> applyTo(Map<String, String> labels) {
        Map<String, String> out = new HashMap<>(labels);
        remove.forEach(out::remove);
        out.putAll(add);
        return Map.copyOf(out);
    }
}
