package dev.calyx.kernel.netlink;

/**
 * Address attributes ({@code IFA_*}) and flags ({@code IFA_F_*}; linux/if_addr.h).
 * Kernel spelling minus the prefix.
 */
public final class Ifa {
    public static final int ADDRESS = 1;
    public static final int LOCAL = 2;
    public static final int LABEL = 3;
    public static final int BROADCAST = 4;
    public static final int CACHEINFO = 6;
    public static final int FLAGS = 8;
    public static final int F_SECONDARY = 0x1;
    public static final int F_NODAD = 0x2;
    public static final int F_OPTIMISTIC = 0x4;
    public static final int F_DADFAILED = 0x8;
    public static final int F_DEPRECATED = 0x20;
    public static final int F_TENTATIVE = 0x40;
    public static final int F_PERMANENT = 0x80;
    public static final int F_NOPREFIXROUTE = 0x200;

    private Ifa() {}
}
