package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A VXLAN device (to create, or as read back): {@code ip link add NAME type vxlan id VNI dstport PORT local ADDR
 * dev PARENT nolearning}. Calico's vxlan.calico is VNI 4096, port 4789, learning off, with FDB and neighbour entries
 * programmed by the agent.
 *
 * @param parentIndex the underlay device (IFLA_VXLAN_LINK); 0 for none
 * @param mtu         0 for the kernel default (parent MTU - 50)
 */
public record VxlanSpec(String name, int vni, int port, Optional<InetAddress> local, int parentIndex,
                        boolean learning, int mtu, Optional<MacAddress> mac) {
    public static final int DEFAULT_PORT = 4789;

    public VxlanSpec {
        LinkNames.check(name);
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(mac, "mac");
        if (vni < 0 || vni > 0xFFFFFF) {
            throw new IllegalArgumentException("vxlan " + name + ": VNI " + vni + " out of range 0-16777215");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("vxlan " + name + ": port " + port + " out of range 1-65535");
        }
        if (parentIndex < 0 || mtu < 0 || mtu > 65535) {
            throw new IllegalArgumentException("vxlan " + name + ": bad parent index " + parentIndex
                    + " or mtu " + mtu);
        }
    }

    /** VNI {@code vni} on port 4789, learning off, no local address or parent. */
    public static VxlanSpec of(String name, int vni) {
        return new VxlanSpec(name, vni, DEFAULT_PORT, Optional.empty(), 0, false, 0, Optional.empty());
    }

    public VxlanSpec port(int newPort) {
        return new VxlanSpec(name, vni, newPort, local, parentIndex, learning, mtu, mac);
    }

    public VxlanSpec local(InetAddress address) {
        return new VxlanSpec(name, vni, port, Optional.of(address), parentIndex, learning, mtu, mac);
    }

    public VxlanSpec parent(int index) {
        return new VxlanSpec(name, vni, port, local, index, learning, mtu, mac);
    }

    public VxlanSpec learning(boolean on) {
        return new VxlanSpec(name, vni, port, local, parentIndex, on, mtu, mac);
    }

    public VxlanSpec mtu(int newMtu) {
        return new VxlanSpec(name, vni, port, local, parentIndex, learning, newMtu, mac);
    }

    public VxlanSpec mac(MacAddress address) {
        return new VxlanSpec(name, vni, port, local, parentIndex, learning, mtu, Optional.of(address));
    }
}
