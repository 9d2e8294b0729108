package dev.calyx.preflight;

import java.util.Locale;

/** How calyx carries pod traffic between hosts; decides which kernel features and tools are mandatory. */
public enum Mode {
    /** VXLAN overlay (device {@code vxlan.calico}), routes computed by the agent; no BGP. */
    VXLAN,
    /** Unencapsulated routes distributed by BIRD over BGP (TCP 179). */
    BGP,
    /** IP-in-IP overlay (device {@code tunl0}), routes computed by the agent. */
    IPIP,
    /** No inter-host routing at all (single host, or routes managed outside calyx). */
    NONE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
