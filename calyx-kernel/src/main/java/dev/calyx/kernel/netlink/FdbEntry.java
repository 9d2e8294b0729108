package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A forwarding-database entry of a bridge-like device (AF_BRIDGE neighbour). For VXLAN it says which remote VTEP
 * ({@code destination}) a MAC lives behind: {@code bridge fdb add MAC dev vxlan.calico dst 192.168.0.2 self
 * permanent}, the entries that replace learning in Calico's VXLAN mode.
 *
 * @param state NUD_* ({@link Nud})
 * @param flags NTF_* ({@link Ntf}); NTF_SELF addresses the device's own table rather than a master bridge's
 */
public record FdbEntry(int linkIndex, MacAddress mac, Optional<InetAddress> destination, int state, int flags) {
    public FdbEntry {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(destination, "destination");
        if (linkIndex <= 0) {
            throw new IllegalArgumentException("fdb entry " + mac + ": link index must be positive, got "
                    + linkIndex);
        }
    }

    /** A permanent NTF_SELF entry sending {@code mac} to VTEP {@code destination}. */
    public static FdbEntry vxlan(int linkIndex, MacAddress mac, InetAddress destination) {
        return new FdbEntry(linkIndex, mac, Optional.of(destination), Nud.PERMANENT, Ntf.SELF);
    }
}
