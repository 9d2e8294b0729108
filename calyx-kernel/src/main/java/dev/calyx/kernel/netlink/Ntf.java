package dev.calyx.kernel.netlink;

/** Neighbour flags ({@code NTF_*}, linux/neighbour.h). Kernel spelling minus the prefix. */
public final class Ntf {
    public static final int USE = 0x1;
    public static final int SELF = 0x2;
    public static final int MASTER = 0x4;
    public static final int PROXY = 0x8;
    public static final int EXT_LEARNED = 0x10;
    public static final int OFFLOADED = 0x20;
    public static final int STICKY = 0x40;
    public static final int ROUTER = 0x80;

    private Ntf() {}
}
