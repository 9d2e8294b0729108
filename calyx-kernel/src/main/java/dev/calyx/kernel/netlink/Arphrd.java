package dev.calyx.kernel.netlink;

/**
 * Link-layer types ({@code ARPHRD_*}, linux/if_arp.h) as found in {@code ifinfomsg.ifi_type}.
 * Kernel spelling minus the prefix.
 */
public final class Arphrd {
    public static final int ETHER = 1;
    public static final int LOOPBACK = 772;
    public static final int IPGRE = 778;
    public static final int NONE = 65534;
    public static final int VOID = 65535;

    private Arphrd() {}
}
