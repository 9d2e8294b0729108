package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netns.Netns;

import java.net.InetAddress;
import java.util.List;

/**
 * The container half of an endpoint, inside its namespace: the interface up, the gateway routes (169.254.1.1 dev
 * eth0 scope link + default via it; IPv6 default via the host veth's link-local address), the /32 and /128
 * addresses, and the container's sysctls. Steps are in Calico's order; {@link EndpointWiring} sequences them.
 */
final class ContainerSide {
    private final RtNetlink netlink;
    private final Netns netns;
    private final NamespaceAccess access;

    ContainerSide(RtNetlink netlink, Netns netns, NamespaceAccess access) {
        this.netlink = netlink;
        this.netns = netns;
        this.access = access;
    }

    /** DAD off (the addresses are unique by IPAM), then up. */
    Link up(EndpointSpec spec) {
        write(EndpointSysctls.containerBeforeUp(spec.containerIfName(), spec.hasIpv6()));
        netlink.setLinkUp(spec.containerIfName());
        return netlink.link(spec.containerIfName());
    }

    /**
     * {@code 169.254.1.1 dev eth0 scope link}, then {@code default via 169.254.1.1 dev eth0}. The gateway routes
     * belong to the pod, not to one interface: a second interface of the same pod (CNI_IFNAME eth1) finds them in
     * place and keeps them (Calico fails that ADD with EEXIST instead); its own addresses are still reachable, the
     * host routes them to its veth and the pod answers through its default route.
     */
    void ipv4Routes(Link eth) {
        if (addUnlessPresent(Route.to(IpPrefix.host(WorkloadGateway.IPV4)).dev(eth.index()))) {
            addUnlessPresent(Route.to(WorkloadGateway.DEFAULT_V4).via(WorkloadGateway.IPV4).dev(eth.index()));
        }
    }

    /** IPv6 on in the namespace, then {@code default via <host veth link-local> dev eth0} (once per pod, as above). */
    void ipv6Routes(Link eth, InetAddress hostLinkLocal) {
        write(EndpointSysctls.containerIpv6());
        addUnlessPresent(Route.to(WorkloadGateway.DEFAULT_V6).via(hostLinkLocal).dev(eth.index()));
    }

    /**
     * Adds the route unless the pod already has one to that destination (through another of its interfaces);
     * true if this call added it.
     */
    private boolean addUnlessPresent(Route route) {
        try {
            netlink.addRoute(route);
            return true;
        } catch (NetlinkException e) {
            if (!e.isExists()) {
                throw e;
            }
            return false;
        }
    }

    void addAddresses(EndpointSpec spec, Link eth) {
        for (IpPrefix address : spec.addresses()) {
            netlink.addAddress(Address.of(eth.index(), address));
        }
    }

    void forwarding(EndpointSpec spec) {
        write(EndpointSysctls.containerForwarding(spec.hasIpv4(), spec.hasIpv6(), spec.allowIpForwarding()));
    }

    /** The interface as it ended up (MAC for the CNI result). */
    Link link(String ifName) {
        return netlink.link(ifName);
    }

    /** Calico's CleanUpNamespace: delete the interface; a missing one is success. */
    void deleteInterface(String ifName) {
        HostSide.ignoreNotFound(() -> netlink.deleteLink(ifName));
    }

    List<Address> addresses(Link eth) {
        return netlink.addresses(eth.index());
    }

    List<Route> routes(IpFamily family) {
        return netlink.routes(family);
    }

    private void write(List<EndpointSysctls.Setting> settings) {
        for (EndpointSysctls.Setting s : settings) {
            access.setSysctl(netns, s.key(), s.value());
        }
    }
}
