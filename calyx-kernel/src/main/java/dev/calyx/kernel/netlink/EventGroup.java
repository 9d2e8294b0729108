package dev.calyx.kernel.netlink;

/** The rtnetlink multicast groups a {@link RtNetlink#subscribe subscription} can join. */
public enum EventGroup {
    LINK(Rtnlgrp.LINK),
    IPV4_ADDRESS(Rtnlgrp.IPV4_IFADDR),
    IPV6_ADDRESS(Rtnlgrp.IPV6_IFADDR),
    IPV4_ROUTE(Rtnlgrp.IPV4_ROUTE),
    IPV6_ROUTE(Rtnlgrp.IPV6_ROUTE);

    private final int group;

    EventGroup(int group) {
        this.group = group;
    }

    /** The RTNLGRP_* number. */
    public int group() {
        return group;
    }
}
