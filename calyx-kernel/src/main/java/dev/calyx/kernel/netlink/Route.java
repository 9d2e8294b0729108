package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A route ({@code ip route add 10.244.0.5/32 dev cali1234 scope link}), built from a factory and withers:
 *
 * <pre>{@code
 * Route.to(IpPrefix.parse("10.244.0.5/32")).dev(cali.index())                  // scope link, proto boot, main
 * Route.to(IpPrefix.parse("0.0.0.0/0")).via(gw).dev(eth0.index()).withOnlink() // scope universe
 * Route.blackhole(IpPrefix.parse("10.244.0.0/26")).protocol(Rtprot.BIRD)
 * }</pre>
 * {@link #via} switches the scope to UNIVERSE, as {@code ip} picks scope link only for routes without a gateway;
 * call {@link #scope(int)} last to override. A route listed from the kernel carries the kernel's values (an IPv6
 * route added with metric 0 reads back with the kernel default 1024).
 *
 * @param linkIndex output device (RTA_OIF), 0 for none
 * @param metric    RTA_PRIORITY; 0 for the kernel default
 */
public record Route(RouteType type, IpPrefix destination, Optional<InetAddress> gateway, int linkIndex, int scope,
                    int protocol, int table, int metric, boolean onlink, Optional<InetAddress> source) {
    public Route {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(source, "source");
        if (!destination.isNetwork()) {
            throw new IllegalArgumentException("route " + destination + ": host bits set, did you mean "
                    + destination.network() + "?");
        }
        gateway.ifPresent(gw -> requireFamily(destination, gw, "gateway"));
        source.ifPresent(src -> requireFamily(destination, src, "source"));
        if (type.isReject() && (gateway.isPresent() || linkIndex != 0)) {
            throw new IllegalArgumentException(type.name().toLowerCase() + " route " + destination
                    + " takes neither gateway nor device");
        }
        if (linkIndex < 0 || scope < 0 || scope > 255 || protocol < 0 || protocol > 255 || table < 0) {
            throw new IllegalArgumentException("route " + destination + ": bad link index " + linkIndex
                    + ", scope " + scope + ", protocol " + protocol + " or table " + table);
        }
    }

    private static void requireFamily(IpPrefix destination, InetAddress address, String what) {
        if (IpFamily.of(address) != destination.family()) {
            throw new IllegalArgumentException("route " + destination + ": " + what + " "
                    + address.getHostAddress() + " is of another address family");
        }
    }

    /** A unicast route in the main table, protocol boot, scope link (set a gateway with {@link #via}). */
    public static Route to(IpPrefix destination) {
        return new Route(RouteType.UNICAST, destination, Optional.empty(), 0, RtScope.LINK, Rtprot.BOOT,
                RtTable.MAIN, 0, false, Optional.empty());
    }

    public static Route blackhole(IpPrefix destination) {
        return reject(RouteType.BLACKHOLE, destination);
    }

    public static Route unreachable(IpPrefix destination) {
        return reject(RouteType.UNREACHABLE, destination);
    }

    private static Route reject(RouteType type, IpPrefix destination) {
        return new Route(type, destination, Optional.empty(), 0, RtScope.UNIVERSE, Rtprot.BOOT, RtTable.MAIN, 0,
                false, Optional.empty());
    }

    public Route via(InetAddress gw) {
        return new Route(type, destination, Optional.of(gw), linkIndex, RtScope.UNIVERSE, protocol, table, metric,
                onlink, source);
    }

    public Route dev(int index) {
        return new Route(type, destination, gateway, index, scope, protocol, table, metric, onlink, source);
    }

    public Route scope(int newScope) {
        return new Route(type, destination, gateway, linkIndex, newScope, protocol, table, metric, onlink, source);
    }

    public Route protocol(int newProtocol) {
        return new Route(type, destination, gateway, linkIndex, scope, newProtocol, table, metric, onlink, source);
    }

    public Route table(int newTable) {
        return new Route(type, destination, gateway, linkIndex, scope, protocol, newTable, metric, onlink, source);
    }

    public Route metric(int newMetric) {
        return new Route(type, destination, gateway, linkIndex, scope, protocol, table, newMetric, onlink, source);
    }

    /** RTNH_F_ONLINK: the gateway is on the link even though no address says so (Calico's 169.254.1.1). */
    public Route withOnlink() {
        return new Route(type, destination, gateway, linkIndex, scope, protocol, table, metric, true, source);
    }

    public Route src(InetAddress preferredSource) {
        return new Route(type, destination, gateway, linkIndex, scope, protocol, table, metric, onlink,
                Optional.of(preferredSource));
    }

    public IpFamily family() {
        return destination.family();
    }
}
