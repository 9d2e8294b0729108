package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An ARP/NDP neighbour entry ({@code ip neigh}): a permanent IP→MAC mapping, or a proxy entry ({@link Ntf#PROXY})
 * that makes the link answer ARP/NDP for the address.
 *
 * @param state NUD_* ({@link Nud}); the kernel reports proxy entries with NUD_NONE
 * @param flags NTF_* ({@link Ntf})
 */
public record Neighbor(int linkIndex, InetAddress address, Optional<MacAddress> mac, int state, int flags) {
    public Neighbor {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(mac, "mac");
        if (linkIndex <= 0) {
            throw new IllegalArgumentException("neighbour " + address.getHostAddress()
                    + ": link index must be positive, got " + linkIndex);
        }
        // no "permanent needs a MAC" rule: the kernel accepts and reports entries without lladdr, and a dump must
        // never fail on what the kernel holds
    }

    /** {@code ip neigh add ADDR lladdr MAC dev DEV nud permanent}. */
    public static Neighbor permanent(int linkIndex, InetAddress address, MacAddress mac) {
        return new Neighbor(linkIndex, address, Optional.of(mac), Nud.PERMANENT, 0);
    }

    /** {@code ip neigh add proxy ADDR dev DEV}. */
    public static Neighbor proxy(int linkIndex, InetAddress address) {
        return new Neighbor(linkIndex, address, Optional.empty(), Nud.NONE, Ntf.PROXY);
    }

    public boolean isProxy() {
        return (flags & Ntf.PROXY) != 0;
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }
}
