package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address with a prefix length, {@code 10.244.0.5/32} or {@code fd00::1/64}. Host bits are allowed
 * (an interface address is one); {@link #isNetwork()} / {@link #network()} say and remove them (a route destination
 * must be a network: the kernel rejects host bits there).
 */
public record IpPrefix(InetAddress address, int length) {
    public IpPrefix {
        Objects.requireNonNull(address, "address");
        int max = IpFamily.of(address).maxPrefixLength();
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length " + length + " out of range 0-" + max + " for "
                    + address.getHostAddress());
        }
    }

    /** Parses "10.0.0.1/24", "fd00::/64", or a bare address (a host prefix, /32 or /128). Never resolves names. */
    public static IpPrefix parse(String text) {
        Objects.requireNonNull(text, "prefix");
        int slash = text.indexOf('/');
        InetAddress address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (slash < 0) {
            return new IpPrefix(address, IpFamily.of(address).maxPrefixLength());
        }
        try {
            return new IpPrefix(address, Integer.parseInt(text.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid prefix length in '" + text + "'");
        }
    }

    /** Parses an IP literal; IllegalArgumentException (never a DNS lookup) for anything else. */
    public static InetAddress parseAddress(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid IP address '" + text + "'");
        }
    }

    /** The host prefix of one address: /32 or /128. */
    public static IpPrefix host(InetAddress address) {
        return new IpPrefix(address, IpFamily.of(address).maxPrefixLength());
    }

    public IpFamily family() {
        return IpFamily.of(address);
    }

    public boolean isNetwork() {
        return network().address.equals(address);
    }

    /** This prefix with host bits cleared: 10.0.0.1/24 → 10.0.0.0/24. */
    public IpPrefix network() {
        byte[] b = address.getAddress();
        for (int bit = length; bit < b.length * 8; bit++) {
            b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return new IpPrefix(InetAddress.getByAddress(b), length);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + length;
    }
}
