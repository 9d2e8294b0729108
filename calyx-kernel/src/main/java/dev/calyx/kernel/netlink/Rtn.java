package dev.calyx.kernel.netlink;

/** Route types ({@code RTN_*}, linux/rtnetlink.h). Kernel spelling minus the prefix. */
public final class Rtn {
    public static final int UNSPEC = 0;
    public static final int UNICAST = 1;
    public static final int LOCAL = 2;
    public static final int BROADCAST = 3;
    public static final int ANYCAST = 4;
    public static final int MULTICAST = 5;
    public static final int BLACKHOLE = 6;
    public static final int UNREACHABLE = 7;
    public static final int PROHIBIT = 8;
    public static final int THROW = 9;

    private Rtn() {}
}
