package dev.calyx.kernel.netlink;

/** Route types ({@code rtm_type}, RTN_*): what the kernel does with a packet that matches. */
public enum RouteType {
    UNICAST(Rtn.UNICAST),
    LOCAL(Rtn.LOCAL),
    BROADCAST(Rtn.BROADCAST),
    ANYCAST(Rtn.ANYCAST),
    MULTICAST(Rtn.MULTICAST),
    /** Silently drop. */
    BLACKHOLE(Rtn.BLACKHOLE),
    /** Drop and answer ICMP unreachable. */
    UNREACHABLE(Rtn.UNREACHABLE),
    PROHIBIT(Rtn.PROHIBIT),
    THROW(Rtn.THROW);

    private final int rtn;

    RouteType(int rtn) {
        this.rtn = rtn;
    }

    public int rtn() {
        return rtn;
    }

    /** The type for an RTN_* value; null for values this enum does not model (NAT, XRESOLVE, ...). */
    public static RouteType ofRtn(int rtn) {
        for (RouteType t : values()) {
            if (t.rtn == rtn) {
                return t;
            }
        }
        return null;
    }

    /** Types that deliver nowhere and so take neither a gateway nor a device. */
    public boolean isReject() {
        return this == BLACKHOLE || this == UNREACHABLE || this == PROHIBIT || this == THROW;
    }
}
