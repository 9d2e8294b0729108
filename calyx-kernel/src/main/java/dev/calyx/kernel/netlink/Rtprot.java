package dev.calyx.kernel.netlink;

/**
 * Route protocols ({@code RTPROT_*}, linux/rtnetlink.h; see /etc/iproute2/rt_protos).
 * Kernel spelling minus the prefix.
 */
public final class Rtprot {
    public static final int UNSPEC = 0;
    public static final int REDIRECT = 1;
    public static final int KERNEL = 2;
    public static final int BOOT = 3;
    public static final int STATIC = 4;
    public static final int BIRD = 12;
    public static final int DHCP = 16;

    private Rtprot() {}
}
