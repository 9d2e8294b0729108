package dev.calyx.lab;

import java.util.Objects;

/** One probe of a step: every pod to every pod on {@code port}/{@code protocol}, expecting {@code expect}. */
public record ProbeSpec(int port, Protocol protocol, Matrix expect) {
    public ProbeSpec {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(expect, "expect");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("probe port " + port + " out of range 1-65535");
        }
    }
}
