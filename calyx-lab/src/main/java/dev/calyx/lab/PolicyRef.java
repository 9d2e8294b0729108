package dev.calyx.lab;

import java.util.Objects;

/** A NetworkPolicy by namespace and name (a step's {@code delete} entry). */
public record PolicyRef(String namespace, String name) {
    public PolicyRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
