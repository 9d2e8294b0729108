package dev.calyx.preflight;

import java.util.List;
import java.util.Optional;

/**
 * A read-only snapshot of a network namespace's links, addresses and main-table routes: what the pool and MTU
 * checks compare against. Produced by a {@link HostNetworkReader}.
 */
public record HostNetwork(List<Link> links, List<Address> addresses, List<Route> routes) {
    public HostNetwork {
        links = List.copyOf(links);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
    }

    /** A link; {@code kind} is the rtnetlink kind ("veth", "vxlan"...), empty for physical devices. */
    public record Link(String name, int mtu, boolean up, String kind, String linkType) {
        public boolean physical() {
            return kind.isEmpty() && linkType.equals("ether");
        }
    }

    /** An address and the subnet it implies ({@code 192.0.2.2/24} on eth0). */
    public record Address(String ifname, String address, IpPrefix subnet) {}

    /** A route in the main table; {@code dev} and {@code gateway} are empty when absent (blackhole routes). */
    public record Route(IpPrefix dst, String dev, String gateway, String type) {
        public boolean isDefault() {
            return dst.length() == 0;
        }
    }

    /** The device of the first IPv4 default route, else of the first IPv6 one. */
    public Optional<String> defaultRouteDevice() {
        return routes.stream().filter(r -> r.isDefault() && !r.dev().isEmpty())
                .sorted((a, b) -> Boolean.compare(!a.dst().isIpv4(), !b.dst().isIpv4()))
                .map(Route::dev).findFirst();
    }

    public Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
