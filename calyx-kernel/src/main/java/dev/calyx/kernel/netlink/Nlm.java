package dev.calyx.kernel.netlink;

/**
 * Netlink header flags ({@code NLM_F_*}, linux/netlink.h) and socket options ({@code NETLINK_*}).
 * Kernel spelling minus the prefix.
 */
public final class Nlm {
    public static final int F_REQUEST = 0x1;
    public static final int F_MULTI = 0x2;
    public static final int F_ACK = 0x4;
    public static final int F_ECHO = 0x8;
    public static final int F_DUMP_INTR = 0x10;
    public static final int F_DUMP_FILTERED = 0x20;
    public static final int F_ROOT = 0x100;
    public static final int F_MATCH = 0x200;
    public static final int F_ATOMIC = 0x400;
    public static final int F_DUMP = 0x300;
    public static final int F_REPLACE = 0x100;
    public static final int F_EXCL = 0x200;
    public static final int F_CREATE = 0x400;
    public static final int F_APPEND = 0x800;
    public static final int F_CAPPED = 0x100;
    public static final int F_ACK_TLVS = 0x200;
    public static final int NETLINK_ROUTE = 0;
    public static final int SOL_NETLINK = 270;
    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    public static final int NETLINK_DROP_MEMBERSHIP = 2;
    public static final int NETLINK_CAP_ACK = 10;
    public static final int NETLINK_EXT_ACK = 11;
    public static final int NETLINK_GET_STRICT_CHK = 12;
    public static final int NLMSGERR_ATTR_MSG = 1;
    public static final int NLMSGERR_ATTR_OFFS = 2;

    private Nlm() {}
}
