package dev.calyx.kernel.netlink;

/** Address families ({@code AF_*}, sys/socket.h). Kernel spelling minus the prefix. */
public final class Af {
    public static final int UNSPEC = 0;
    public static final int INET = 2;
    public static final int BRIDGE = 7;
    public static final int INET6 = 10;
    public static final int NETLINK = 16;
    public static final int PACKET = 17;

    private Af() {}
}
