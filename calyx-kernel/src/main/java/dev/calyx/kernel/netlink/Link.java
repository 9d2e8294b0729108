package dev.calyx.kernel.netlink;

import java.util.Objects;
import java.util.Optional;

/**
 * A network interface as the kernel reports it (RTM_NEWLINK).
 *
 * @param index       ifindex, unique within its namespace
 * @param kind        IFLA_INFO_KIND ("veth", "vxlan", "bridge", ...); empty for devices without one (lo, physical)
 * @param type        ARPHRD_* link-layer type ({@link Arphrd})
 * @param flags       IFF_* flags ({@link Iff})
 * @param mac         the link-layer address, absent when the device has none
 * @param parentIndex IFLA_LINK: the peer of a veth (maybe in another namespace) or lower device; 0 when none
 * @param masterIndex IFLA_MASTER: the bridge or VRF it is enslaved to; 0 when none
 * @param vxlan       the VXLAN parameters when {@code kind} is "vxlan"
 */
public record Link(int index, String name, String kind, int type, int flags, int mtu, Optional<MacAddress> mac,
                   int parentIndex, int masterIndex, Optional<VxlanSpec> vxlan) {
    public Link {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(vxlan, "vxlan");
        if (index <= 0) {
            throw new IllegalArgumentException("link " + name + ": ifindex must be positive, got " + index);
        }
    }

    /** IFF_UP: administratively up. */
    public boolean isUp() {
        return (flags & Iff.UP) != 0;
    }

    /** IFF_LOWER_UP: carrier present (a veth has it only when both ends are up). */
    public boolean isLowerUp() {
        return (flags & Iff.LOWER_UP) != 0;
    }

    public boolean isLoopback() {
        return (flags & Iff.LOOPBACK) != 0;
    }
}
