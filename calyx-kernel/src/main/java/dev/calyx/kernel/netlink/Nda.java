package dev.calyx.kernel.netlink;

/** Neighbour attributes ({@code NDA_*}, linux/neighbour.h). Kernel spelling minus the prefix. */
public final class Nda {
    public static final int DST = 1;
    public static final int LLADDR = 2;
    public static final int CACHEINFO = 3;
    public static final int PROBES = 4;
    public static final int VLAN = 5;
    public static final int PORT = 6;
    public static final int VNI = 7;
    public static final int IFINDEX = 8;
    public static final int MASTER = 9;
    public static final int LINK_NETNSID = 10;
    public static final int SRC_VNI = 11;

    private Nda() {}
}
