package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RouteType;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netlink.RtTable;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workload MTU: the host's MTU less the encapsulation's overhead.
 *
 * <p>Host MTU: the MTU of the interface carrying the default route (IPv4, else IPv6; lowest metric wins), since that
 * is where encapsulated traffic leaves; without a default route, the largest MTU among non-virtual interfaces (no
 * link kind: physical NICs); without those either, Calico's fallback {@link #FALLBACK}. Calico itself takes the
 * smallest MTU among up interfaces matching {@code mtuIfacePattern}; the default-route rule needs no name pattern
 * and ignores slow side links (a management NIC at 1500 next to a 9000 fabric).
 */
public final class HostMtu {
    /** Felix's host MTU when it finds no interface to measure. */
    public static final int FALLBACK = 1460;

    private HostMtu() {}

    /** The host MTU per the class comment. */
    public static int detect(RtNetlink host) {
        Map<Integer, Link> links = host.links().stream().collect(Collectors.toMap(Link::index, Function.identity()));
        return defaultRouteMtu(host, links, IpFamily.V4)
                .or(() -> defaultRouteMtu(host, links, IpFamily.V6))
                .or(() -> links.values().stream().filter(HostMtu::isPhysical).map(Link::mtu)
                        .max(Comparator.naturalOrder()))
                .orElse(FALLBACK);
    }

    /** The MTU to give workload interfaces under {@code encapsulation}. */
    public static int forWorkloads(RtNetlink host, Encapsulation encapsulation) {
        return forWorkloads(detect(host), encapsulation);
    }

    public static int forWorkloads(int hostMtu, Encapsulation encapsulation) {
        int mtu = hostMtu - encapsulation.overhead();
        if (mtu < 68) {
            throw new IllegalArgumentException("host MTU " + hostMtu + " leaves " + mtu + " bytes under "
                    + encapsulation + ", less than the IPv4 minimum 68");
        }
        return mtu;
    }

    private static Optional<Integer> defaultRouteMtu(RtNetlink host, Map<Integer, Link> links, IpFamily family) {
        List<Route> defaults = host.routes(family).stream()
                .filter(r -> r.table() == RtTable.MAIN && r.type() == RouteType.UNICAST
                        && r.destination().length() == 0 && links.containsKey(r.linkIndex()))
                .sorted(Comparator.comparingInt(Route::metric)).toList();
        return defaults.stream().findFirst().map(r -> links.get(r.linkIndex()).mtu());
    }

    private static boolean isPhysical(Link link) {
        return !link.isLoopback() && link.kind().isEmpty();
    }
}
