package dev.calyx.kernel.netlink;

/** Routing table ids ({@code RT_TABLE_*}, linux/rtnetlink.h). Kernel spelling minus the prefix. */
public final class RtTable {
    public static final int UNSPEC = 0;
    public static final int DEFAULT = 253;
    public static final int MAIN = 254;
    public static final int LOCAL = 255;

    private RtTable() {}
}
