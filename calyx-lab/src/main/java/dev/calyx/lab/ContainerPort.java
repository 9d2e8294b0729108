package dev.calyx.lab;

import java.util.Objects;

/** A named container port of the pod template, what named-port policies resolve against. */
public record ContainerPort(String name, int port, Protocol protocol) {
    public ContainerPort {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("container port " + name + ": " + port + " out of range 1-65535");
        }
    }
}
