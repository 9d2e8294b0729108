package dev.calyx.dataplane.endpoint;

import dev.calyx.dataplane.routes.OwnedRoutes;
import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netlink.RtTable;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The host half of an endpoint: the veth's host end (MAC, sysctls, up) and the host routes to the workload's
 * addresses. Steps are in Calico's order; {@link EndpointWiring} sequences them and rolls back.
 */
final class HostSide {
    private static final System.Logger LOG = System.getLogger(HostSide.class.getName());
    /** Calico polls 10 × 50 ms; a loaded 2-core node can be slower, so allow 2 s before giving up. */
    private static final int LINK_LOCAL_POLLS = 40;
    private static final long LINK_LOCAL_POLL_MILLIS = 50;

    private final RtNetlink netlink;
    private final Netns netns;
    private final NamespaceAccess access;

    HostSide(RtNetlink netlink, Netns netns, NamespaceAccess access) {
        this.netlink = netlink;
        this.netns = netns;
        this.access = access;
    }

    /** Calico's step 1: a host veth left by an earlier sandbox of the same pod goes first. */
    void removeLeftover(String veth) {
        deleteVeth(veth);
    }

    /**
     * The pair, the container end created directly inside the container's namespace (it never appears on the
     * host), the host end with MAC ee:ee:ee:ee:ee:ee from birth (Calico sets it right after creation).
     */
    void createVeth(EndpointSpec spec, Netns pod) {
        netlink.addVeth(VethSpec.of(spec.hostVethName(), spec.containerIfName()).peerIn(pod).mtu(spec.mtu())
                .mac(WorkloadGateway.HOST_MAC));
    }

    /** Sysctls (before up, as Calico does), then up. */
    Link configureAndUp(EndpointSpec spec) {
        for (EndpointSysctls.Setting s : EndpointSysctls.hostVeth(spec.hostVethName(), spec.hasIpv4(),
                spec.hasIpv6())) {
            write(s);
        }
        netlink.setLinkUp(spec.hostVethName());
        return netlink.link(spec.hostVethName());
    }

    private void write(EndpointSysctls.Setting s) {
        try {
            access.setSysctl(netns, s.key(), s.value());
        } catch (RuntimeException e) {
            if (s.required()) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "optional sysctl not set: " + e.getMessage());
        }
    }

    /**
     * The host end's IPv6 link-local address, the workload's IPv6 gateway. It appears only once both ends are up
     * (carrier), hence the polling, as in Calico.
     */
    InetAddress awaitLinkLocal(Link veth) {
        for (int i = 0; i < LINK_LOCAL_POLLS; i++) {
            Optional<InetAddress> ll = netlink.addresses(veth.index()).stream().map(Address::prefix)
                    .map(IpPrefix::address).filter(InetAddress::isLinkLocalAddress).findFirst();
            if (ll.isPresent()) {
                return ll.get();
            }
            sleep();
        }
        throw new EndpointException("host veth " + veth.name() + " got no IPv6 link-local address within "
                + LINK_LOCAL_POLLS * LINK_LOCAL_POLL_MILLIS + " ms (is IPv6 disabled on the host?)");
    }

    private static void sleep() {
        try {
            Thread.sleep(LINK_LOCAL_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException("interrupted while waiting for an IPv6 link-local address", e);
        }
    }

    /**
     * {@code <ip>/32 dev <veth> scope link proto 80} for every address. EEXIST is fine when the existing route
     * already points at this veth (the reconciler may have been first); another interface holding the address is
     * the well-known "route already exists for an interface other than" error.
     */
    void addRoutes(EndpointSpec spec, Link veth) {
        for (IpPrefix address : spec.addresses()) {
            Route route = OwnedRoutes.workloadRoute(address, veth.index());
            try {
                netlink.addRoute(route);
            } catch (NetlinkException e) {
                if (!e.isExists()) {
                    throw e;
                }
                requireRouteThrough(address, veth, e);
            }
        }
    }

    private void requireRouteThrough(IpPrefix address, Link veth, NetlinkException exists) {
        Optional<Route> existing = mainRoutesTo(address).stream().findFirst();
        if (existing.isEmpty() || existing.get().linkIndex() != veth.index()) {
            String other = existing.flatMap(r -> netlink.linkByIndex(r.linkIndex())).map(Link::name)
                    .orElse("another route");
            throw new EndpointException("route " + address + " already exists for an interface other than "
                    + veth.name() + ": " + other, exists);
        }
    }

    private List<Route> mainRoutesTo(IpPrefix address) {
        return netlink.routes(address.family()).stream()
                .filter(r -> r.table() == RtTable.MAIN && r.destination().equals(address)).toList();
    }

    /** The veth (both ends) and the owned routes through it; a missing veth is fine. */
    void deleteVeth(String veth) {
        HostVeths.delete(netlink, veth);
    }

    static void ignoreNotFound(Runnable step) {
        try {
            step.run();
        } catch (NetlinkException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
    }
}
