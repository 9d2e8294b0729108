package dev.calyx.kernel.netlink;

/** Neighbour states ({@code NUD_*}, linux/neighbour.h). Kernel spelling minus the prefix. */
public final class Nud {
    public static final int NONE = 0x0;
    public static final int INCOMPLETE = 0x1;
    public static final int REACHABLE = 0x2;
    public static final int STALE = 0x4;
    public static final int DELAY = 0x8;
    public static final int PROBE = 0x10;
    public static final int FAILED = 0x20;
    public static final int NOARP = 0x40;
    public static final int PERMANENT = 0x80;

    private Nud() {}
}
