package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netlink.RtTable;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.netns.NetnsException;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares an endpoint's kernel objects with what {@link EndpointWiring#add} creates and lists the differences.
 * Calico's CHECK is a no-op; this one looks: host veth (present, up, MAC, MTU, proxy ARP), host routes, the container
 * interface (present, up, MTU, addresses) and its gateway routes. Read-only.
 */
final class EndpointCheck {
    private final RtNetlink host;
    private final Netns hostNetns;
    private final NamespaceAccess access;
    private final List<String> problems = new ArrayList<>();

    EndpointCheck(RtNetlink host, Netns hostNetns, NamespaceAccess access) {
        this.host = host;
        this.hostNetns = hostNetns;
        this.access = access;
    }

    CheckReport run(EndpointSpec spec) {
        host.linkByName(spec.hostVethName()).ifPresentOrElse(veth -> checkHost(spec, veth),
                () -> problems.add("host veth " + spec.hostVethName() + ": missing"));
        try (Netns pod = access.open(spec.netnsPath()); RtNetlink inPod = access.netlinkIn(pod)) {
            inPod.linkByName(spec.containerIfName()).ifPresentOrElse(eth -> checkContainer(spec, inPod, eth),
                    () -> problems.add("container interface " + spec.containerIfName() + ": missing"));
        } catch (NetnsException e) {
            problems.add("container namespace " + spec.netnsPath() + ": " + e.getMessage());
        }
        return new CheckReport(spec.hostVethName(), problems);
    }

    private void checkHost(EndpointSpec spec, Link veth) {
        String what = "host veth " + veth.name();
        checkLink(what, veth, spec.mtu());
        if (!veth.mac().equals(Optional.of(WorkloadGateway.HOST_MAC))) {
            problems.add(what + ": MAC " + veth.mac().map(Object::toString).orElse("none") + ", expected "
                    + WorkloadGateway.HOST_MAC);
        }
        if (spec.hasIpv4()) {
            String key = "net/ipv4/conf/" + veth.name() + "/proxy_arp";
            String value = access.getSysctl(hostNetns, key);
            if (!value.equals("1")) {
                problems.add(what + ": " + key + " is " + value + ", expected 1");
            }
        }
        if (spec.hostRoutes()) {
            for (IpPrefix address : spec.addresses()) {
                requireRoute(host.routes(address.family()), "host route " + address + " dev " + veth.name(),
                        r -> r.destination().equals(address) && r.linkIndex() == veth.index()
                                && r.gateway().isEmpty());
            }
        }
    }

    private void checkContainer(EndpointSpec spec, RtNetlink inPod, Link eth) {
        String what = "container interface " + eth.name();
        checkLink(what, eth, spec.mtu());
        List<IpPrefix> present = inPod.addresses(eth.index()).stream().map(Address::prefix).toList();
        for (IpPrefix address : spec.addresses()) {
            if (!present.contains(address)) {
                problems.add(what + ": address " + address + " missing");
            }
        }
        // The gateway routes are the pod's, installed by its first interface (see ContainerSide): any interface.
        if (spec.hasIpv4()) {
            List<Route> routes = inPod.routes(IpFamily.V4);
            requireRoute(routes, "container route 169.254.1.1 scope link",
                    r -> r.destination().equals(IpPrefix.host(WorkloadGateway.IPV4)));
            requireRoute(routes, "container default route via 169.254.1.1",
                    r -> isDefaultVia(r, WorkloadGateway.DEFAULT_V4, WorkloadGateway.IPV4));
        }
        if (spec.hasIpv6()) {
            requireRoute(inPod.routes(IpFamily.V6), "container default route via "
                            + WorkloadGateway.HOST_LINK_LOCAL.getHostAddress(),
                    r -> isDefaultVia(r, WorkloadGateway.DEFAULT_V6, WorkloadGateway.HOST_LINK_LOCAL));
        }
    }

    private static boolean isDefaultVia(Route r, IpPrefix destination, InetAddress gateway) {
        return r.destination().equals(destination) && r.gateway().equals(Optional.of(gateway));
    }

    private void checkLink(String what, Link link, int mtu) {
        if (!link.isUp()) {
            problems.add(what + ": down");
        }
        if (mtu > 0 && link.mtu() != mtu) {
            problems.add(what + ": MTU " + link.mtu() + ", expected " + mtu);
        }
    }

    private void requireRoute(List<Route> routes, String what, java.util.function.Predicate<Route> matches) {
        if (routes.stream().filter(r -> r.table() == RtTable.MAIN).noneMatch(matches)) {
            problems.add(what + ": missing");
        }
    }
}
