package dev.calyx.dataplane.routes;

import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RouteType;
import dev.calyx.kernel.netlink.RtScope;
import dev.calyx.kernel.netlink.RtTable;

/**
 * How calyx marks the routes it owns: routing protocol number {@link #PROTOCOL} (the {@code proto} column of
 * {@code ip route}).
 *
 * <p>Why 80: it is the number Calico's Felix stamps on the routes it programs ({@code proto 80} in {@code ip route}
 * on a Calico node; Felix's default route protocol), it is not registered in iproute2's {@code rt_protos} (BIRD is
 * 12, zebra 11, the kernel 2, boot 3) and the kernel never picks it itself. Sharing Calico's number keeps {@code ip
 * route} output familiar to Calico operators and lets calyx adopt and garbage-collect the workload routes a
 * replaced Calico left behind, while routes of anyone else (DHCP, NetworkManager, BIRD, an operator's {@code ip
 * route add}, which default to boot) are never touched. Calico's CNI plugin adds its host routes with protocol boot
 * and leaves them to Felix; calyx's agent does both jobs, so its CNI path stamps 80 at once.
 *
 * <p>A workload route is {@code <ip>/32 dev <host veth> scope link proto 80} (/128 for IPv6) in the main table,
 * built by {@link #workloadRoute} so the CNI path and the reconciler agree on every field.
 */
public final class OwnedRoutes {
    /** RTPROT value of every route calyx programs. */
    public static final int PROTOCOL = 80;

    private OwnedRoutes() {}

    /** {@code <address>/32 (or /128) dev <linkIndex> scope link proto 80}, main table. */
    public static Route workloadRoute(IpPrefix hostPrefix, int linkIndex) {
        if (hostPrefix.length() != hostPrefix.family().maxPrefixLength()) {
            throw new IllegalArgumentException("workload route " + hostPrefix + ": must be a /32 or /128");
        }
        return Route.to(hostPrefix).dev(linkIndex).scope(RtScope.LINK).protocol(PROTOCOL);
    }

    /** Whether a listed route is one of ours (main table, our protocol). */
    public static boolean isOwned(Route route) {
        return route.protocol() == PROTOCOL && route.table() == RtTable.MAIN;
    }

    /**
     * Whether a listed route already is the workload route {@code hostPrefix dev linkIndex}. The scope is compared
     * for IPv4 only: the kernel keeps no scope for IPv6 routes and lists them all as universe.
     */
    public static boolean isWorkloadRoute(Route route, int linkIndex) {
        return route.type() == RouteType.UNICAST && route.gateway().isEmpty() && route.linkIndex() == linkIndex
                && (route.family() == IpFamily.V6 || route.scope() == RtScope.LINK);
    }
}
