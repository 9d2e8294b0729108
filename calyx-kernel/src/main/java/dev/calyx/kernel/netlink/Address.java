package dev.calyx.kernel.netlink;

import java.util.Objects;

/**
 * An IP address on a link ({@code ip addr add 10.0.0.1/24 dev eth0}).
 *
 * @param scope RT_SCOPE_* ({@link RtScope}); UNIVERSE for ordinary addresses
 * @param flags IFA_F_* ({@link Ifa}), e.g. {@link Ifa#F_NODAD} to skip IPv6 duplicate address detection
 */
public record Address(int linkIndex, IpPrefix prefix, int scope, int flags) {
    public Address {
        Objects.requireNonNull(prefix, "prefix");
        if (linkIndex <= 0) {
            throw new IllegalArgumentException("address " + prefix + ": link index must be positive, got "
                    + linkIndex);
        }
        if (scope < 0 || scope > 255) {
            throw new IllegalArgumentException("address " + prefix + ": scope " + scope + " out of range 0-255");
        }
    }

    public static Address of(int linkIndex, IpPrefix prefix) {
        return new Address(linkIndex, prefix, RtScope.UNIVERSE, 0);
    }

    public static Address of(int linkIndex, String prefix) {
        return of(linkIndex, IpPrefix.parse(prefix));
    }

    public Address withFlags(int newFlags) {
        return new Address(linkIndex, prefix, scope, newFlags);
    }

    public Address withScope(int newScope) {
        return new Address(linkIndex, prefix, newScope, flags);
    }

    public IpFamily family() {
        return prefix.family();
    }
}
