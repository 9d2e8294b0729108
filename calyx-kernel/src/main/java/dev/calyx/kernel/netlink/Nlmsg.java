package dev.calyx.kernel.netlink;

/** Netlink message types ({@code NLMSG_*}, linux/netlink.h). Kernel spelling minus the prefix. */
public final class Nlmsg {
    public static final int NOOP = 1;
    public static final int ERROR = 2;
    public static final int DONE = 3;
    public static final int OVERRUN = 4;

    private Nlmsg() {}
}
