package dev.calyx.kernel.netlink;

/** Route attributes ({@code RTA_*}, linux/rtnetlink.h). Kernel spelling minus the prefix. */
public final class Rta {
    public static final int DST = 1;
    public static final int SRC = 2;
    public static final int IIF = 3;
    public static final int OIF = 4;
    public static final int GATEWAY = 5;
    public static final int PRIORITY = 6;
    public static final int PREFSRC = 7;
    public static final int METRICS = 8;
    public static final int MULTIPATH = 9;
    public static final int TABLE = 15;
    public static final int MARK = 16;
    public static final int VIA = 18;
    public static final int PREF = 20;
    public static final int EXPIRES = 23;

    private Rta() {}
}
