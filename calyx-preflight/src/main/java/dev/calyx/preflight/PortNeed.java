package dev.calyx.preflight;

/** A TCP port the node agent will listen on, and why. */
public record PortNeed(int port, String purpose) {
    public static final PortNeed HEALTH = new PortNeed(9099, "agent health");
    public static final PortNeed METRICS = new PortNeed(9091, "agent metrics");
    public static final PortNeed BGP = new PortNeed(179, "BGP");

    public PortNeed {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " (" + purpose + ") out of range 1..65535");
        }
    }
}
