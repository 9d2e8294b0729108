package dev.calyx.lab;

import java.util.Locale;

/** The transport a probe uses; SCTP is left out, as in the conformance model. */
public enum Protocol {
    TCP, UDP;

    /** Parses {@code TCP}/{@code UDP} in any case; the message names the bad value. */
    public static Protocol parse(String text) {
        if (text != null) {
            for (Protocol p : values()) {
                if (p.name().equals(text.toUpperCase(Locale.ROOT))) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("protocol '" + text + "': want TCP or UDP");
    }
}
