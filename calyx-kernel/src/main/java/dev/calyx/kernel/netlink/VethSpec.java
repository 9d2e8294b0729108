package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;

import java.util.Objects;
import java.util.Optional;

/**
 * A veth pair to create: {@code name} in the handle's namespace, {@code peerName} in {@code peerNetns} (created there
 * directly through IFLA_NET_NS_FD, so the peer never appears in the host namespace) or next to it.
 *
 * <pre>{@code VethSpec.of("cali1234", "eth0").peerIn(podNetns).mtu(1450).peerMac(mac)}</pre>
 *
 * @param mtu 0 for the kernel default
 */
public record VethSpec(String name, String peerName, Optional<Netns> peerNetns, int mtu, Optional<MacAddress> mac,
                       Optional<MacAddress> peerMac) {
    public VethSpec {
        LinkNames.check(name);
        LinkNames.check(peerName);
        Objects.requireNonNull(peerNetns, "peerNetns");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(peerMac, "peerMac");
        if (mtu < 0 || mtu > 65535) {
            throw new IllegalArgumentException("veth " + name + ": mtu " + mtu + " out of range 0-65535");
        }
        if (peerNetns.isEmpty() && name.equals(peerName)) {
            throw new IllegalArgumentException("veth " + name + ": peer in the same namespace needs another name");
        }
    }

    public static VethSpec of(String name, String peerName) {
        return new VethSpec(name, peerName, Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    public VethSpec peerIn(Netns netns) {
        return new VethSpec(name, peerName, Optional.of(netns), mtu, mac, peerMac);
    }

    public VethSpec mtu(int newMtu) {
        return new VethSpec(name, peerName, peerNetns, newMtu, mac, peerMac);
    }

    public VethSpec mac(MacAddress address) {
        return new VethSpec(name, peerName, peerNetns, mtu, Optional.of(address), peerMac);
    }

    public VethSpec peerMac(MacAddress address) {
        return new VethSpec(name, peerName, peerNetns, mtu, mac, Optional.of(address));
    }
}
