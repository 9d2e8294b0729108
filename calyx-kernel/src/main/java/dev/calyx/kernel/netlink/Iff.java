package dev.calyx.kernel.netlink;

/** Interface flags ({@code IFF_*}, linux/if.h). Kernel spelling minus the prefix. */
public final class Iff {
    public static final int UP = 0x1;
    public static final int BROADCAST = 0x2;
    public static final int LOOPBACK = 0x8;
    public static final int POINTOPOINT = 0x10;
    public static final int RUNNING = 0x40;
    public static final int NOARP = 0x80;
    public static final int PROMISC = 0x100;
    public static final int MULTICAST = 0x1000;
    public static final int LOWER_UP = 0x10000;

    private Iff() {}
}
