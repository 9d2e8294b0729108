package dev.calyx.lab;

import java.util.Objects;

/** A pod's name within its namespace, written {@code x/a} in matrices and placeholders. */
public record PodRef(String namespace, String name) implements Comparable<PodRef> {
    public PodRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (namespace.isEmpty() || name.isEmpty() || namespace.contains("/") || name.contains("/")) {
            throw new IllegalArgumentException("pod reference '" + namespace + "/" + name
                    + "': namespace and name must be non-empty and free of '/'");
        }
    }

    /** Parses {@code namespace/name}. */
    public static PodRef parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("pod reference '" + text + "': want namespace/name, e.g. x/a");
        }
        return new PodRef(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public int compareTo(PodRef o) {
        int c = namespace.compareTo(o.namespace);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
