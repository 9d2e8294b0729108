package dev.calyx.lab;

import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtTable;

import java.util.List;

/**
 * Refuses lab address ranges that overlap a route of the host (read-only look at the root namespace's main
 * table): the lab never routes through the host, but an ipBlock case that names a /4 around a pod would then also
 * describe host networks, and a reader of the matrices would be misled.
 */
final class HostRouteCheck {
    private HostRouteCheck() {}

    static void requireFree(List<IpPrefix> ranges) {
        List<Route> routes;
        try (FfmRtNetlink host = FfmRtNetlink.open()) {
            routes = host.routes(IpFamily.V4);
        }
        for (Route r : routes) {
            if (r.destination().length() == 0 || r.table() != RtTable.MAIN) {
                continue;
            }
            for (IpPrefix range : ranges) {
                if (overlaps(r.destination(), range)) {
                    throw new LabException("lab range " + range + " overlaps host route " + r.destination()
                            + ": choose another range (--pod-cidr)");
                }
            }
        }
    }

    static boolean overlaps(IpPrefix a, IpPrefix b) {
        int shorter = Math.min(a.length(), b.length());
        return new IpPrefix(a.address(), shorter).network().equals(new IpPrefix(b.address(), shorter).network());
    }
}
