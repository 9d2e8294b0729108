package dev.calyx.kernel.netlink;

/**
 * rtnetlink multicast groups ({@code RTNLGRP_*}), joined with NETLINK_ADD_MEMBERSHIP.
 * Kernel spelling minus the prefix.
 */
public final class Rtnlgrp {
    public static final int LINK = 1;
    public static final int NEIGH = 3;
    public static final int IPV4_IFADDR = 5;
    public static final int IPV4_ROUTE = 7;
    public static final int IPV6_IFADDR = 9;
    public static final int IPV6_ROUTE = 11;

    private Rtnlgrp() {}
}
