package dev.calyx.kernel.netlink;

/**
 * Link attributes ({@code IFLA_*}, {@code IFLA_INFO_*}, {@code IFLA_VXLAN_*}; linux/if_link.h) and
 * {@code VETH_INFO_PEER}.
 * Kernel spelling minus the prefix.
 */
public final class Ifla {
    public static final int ADDRESS = 1;
    public static final int BROADCAST = 2;
    public static final int IFNAME = 3;
    public static final int MTU = 4;
    public static final int LINK = 5;
    public static final int QDISC = 6;
    public static final int MASTER = 10;
    public static final int TXQLEN = 13;
    public static final int OPERSTATE = 16;
    public static final int LINKINFO = 18;
    public static final int NET_NS_PID = 19;
    public static final int IFALIAS = 20;
    public static final int GROUP = 27;
    public static final int NET_NS_FD = 28;
    public static final int EXT_MASK = 29;
    public static final int CARRIER = 33;
    public static final int LINK_NETNSID = 37;
    public static final int MIN_MTU = 50;
    public static final int MAX_MTU = 51;
    public static final int ALT_IFNAME = 53;
    public static final int INFO_KIND = 1;
    public static final int INFO_DATA = 2;
    public static final int INFO_SLAVE_KIND = 4;
    public static final int VETH_INFO_PEER = 1;
    public static final int VXLAN_ID = 1;
    public static final int VXLAN_GROUP = 2;
    public static final int VXLAN_LINK = 3;
    public static final int VXLAN_LOCAL = 4;
    public static final int VXLAN_TTL = 5;
    public static final int VXLAN_TOS = 6;
    public static final int VXLAN_LEARNING = 7;
    public static final int VXLAN_AGEING = 8;
    public static final int VXLAN_PORT = 15;
    public static final int VXLAN_GROUP6 = 16;
    public static final int VXLAN_LOCAL6 = 17;

    private Ifla() {}
}
