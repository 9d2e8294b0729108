package dev.calyx.kernel.netlink;

/** Next-hop flags ({@code RTNH_F_*}) carried in {@code rtmsg.rtm_flags}. Kernel spelling minus the prefix. */
public final class Rtnh {
    public static final int F_DEAD = 0x1;
    public static final int F_PERVASIVE = 0x2;
    public static final int F_ONLINK = 0x4;

    private Rtnh() {}
}
