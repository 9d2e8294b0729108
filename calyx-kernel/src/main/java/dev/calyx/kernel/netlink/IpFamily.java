package dev.calyx.kernel.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;

/** IPv4 or IPv6, with the kernel's address family number and address sizes. */
public enum IpFamily {
    V4(Af.INET, 4),
    V6(Af.INET6, 16);

    private final int af;
    private final int bytes;

    IpFamily(int af, int bytes) {
        this.af = af;
        this.bytes = bytes;
    }

    public static IpFamily of(InetAddress address) {
        return address instanceof Inet4Address ? V4 : V6;
    }

    /** The family of an AF_* number; IllegalArgumentException for anything but AF_INET/AF_INET6. */
    public static IpFamily ofAf(int af) {
        return switch (af) {
            case Af.INET -> V4;
            case Af.INET6 -> V6;
            default -> throw new IllegalArgumentException("not an IP address family: " + af);
        };
    }

    /** AF_INET or AF_INET6. */
    public int af() {
        return af;
    }

    public int addressBytes() {
        return bytes;
    }

    public int maxPrefixLength() {
        return bytes * 8;
    }
}
