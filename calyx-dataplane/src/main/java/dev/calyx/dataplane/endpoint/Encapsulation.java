package dev.calyx.dataplane.endpoint;

/**
 * Overlay modes and the bytes each one's headers take from the host MTU (Felix's defaults, calico.md §4.6): with a
 * 1500-byte host, IPIP 1480, VXLAN 1450, WireGuard 1440.
 */
public enum Encapsulation {
    NONE(0),
    /** Outer IPv4 header. */
    IPIP(20),
    /** Outer IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14). */
    VXLAN(50),
    /** As VXLAN over an IPv6 underlay (outer header 40). */
    VXLAN_V6(70),
    /** Outer IPv4 + UDP + WireGuard header and tag. */
    WIREGUARD(60),
    WIREGUARD_V6(80);

    private final int overhead;

    Encapsulation(int overhead) {
        this.overhead = overhead;
    }

    public int overhead() {
        return overhead;
    }
}
