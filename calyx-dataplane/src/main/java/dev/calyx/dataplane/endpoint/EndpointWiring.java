package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.netns.NetnsException;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One workload endpoint's kernel objects: what the agent's CNI ADD, DEL and CHECK call.
 *
 * <p>Design: the steps and their order are Calico's ({@code cni-plugin/pkg/dataplane/linux/dataplane_linux.go},
 * calico.md §1.5), so a calyx node looks like a Calico node to every tool: host veth {@code cali…} with MAC
 * ee:ee:ee:ee:ee:ee, proxy ARP for the 169.254.1.1 gateway, /32 and /128 addresses, host routes scope link. The
 * differences are in mechanism only: everything goes through one host netlink handle and one handle opened inside
 * the container ({@link NamespaceAccess}), no {@code ip}, no thread ever switched into a namespace for long; the
 * host MAC is set at creation instead of right after; host routes carry calyx's protocol so the route reconciler
 * owns them. {@link HostSide} and {@link ContainerSide} hold the steps; this class sequences them.
 *
 * <p>Failure: ADD either returns a fully wired endpoint or leaves nothing it created (the veth is deleted, which
 * takes its container end and host routes with it), then throws an {@link EndpointException} naming the endpoint
 * and the failed step. DEL is idempotent: a missing namespace, interface or veth is success.
 *
 * <p>Thread safety: stateless apart from the handles; concurrent calls for DIFFERENT endpoints are safe (the netlink
 * handle serializes requests), calls for the same endpoint must be serialized by the caller (the agent does per
 * container ID).
 */
public final class EndpointWiring {
    private final RtNetlink host;
    private final Netns hostNetns;
    private final NamespaceAccess access;

    public EndpointWiring(RtNetlink host, Netns hostNetns, NamespaceAccess access) {
        this.host = Objects.requireNonNull(host, "host");
        this.hostNetns = Objects.requireNonNull(hostNetns, "hostNetns");
        this.access = Objects.requireNonNull(access, "access");
    }

    /** Wiring on the kernel, with {@code host}'s namespace as the node's. */
    public static EndpointWiring onHost(FfmRtNetlink host) {
        return new EndpointWiring(host, host.netns(), new KernelNamespaceAccess());
    }

    /** CNI ADD's dataplane part. */
    public WiredEndpoint add(EndpointSpec spec) {
        HostSide hostSide = new HostSide(host, hostNetns, access);
        try {
            hostSide.removeLeftover(spec.hostVethName());
            try (Netns pod = access.open(spec.netnsPath()); RtNetlink inPod = access.netlinkIn(pod)) {
                hostSide.createVeth(spec, pod);
                try {
                    return wire(spec, hostSide, new ContainerSide(inPod, pod, access));
                } catch (RuntimeException e) {
                    rollback(spec, hostSide, e);
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            throw new EndpointException("wire endpoint " + describe(spec) + ": " + e.getMessage(), e);
        }
    }

    private static WiredEndpoint wire(EndpointSpec spec, HostSide hostSide, ContainerSide container) {
        Link hostVeth = hostSide.configureAndUp(spec);
        Link eth = container.up(spec);
        if (spec.hasIpv4()) {
            container.ipv4Routes(eth);
        }
        if (spec.hasIpv6()) {
            InetAddress gateway = hostSide.awaitLinkLocal(hostVeth);
            container.ipv6Routes(eth, gateway);
        }
        container.addAddresses(spec, eth);
        container.forwarding(spec);
        if (spec.hostRoutes()) {
            hostSide.addRoutes(spec, hostVeth);
        }
        Link done = container.link(spec.containerIfName());
        return new WiredEndpoint(spec.hostVethName(), hostVeth.mac().orElse(WorkloadGateway.HOST_MAC),
                spec.containerIfName(), done.mac().orElseThrow(), spec.netnsPath(), done.mtu(), spec.addresses());
    }

    /** Deleting the host end takes the container end, and with them addresses and routes. */
    private static void rollback(EndpointSpec spec, HostSide hostSide, RuntimeException failure) {
        try {
            hostSide.deleteVeth(spec.hostVethName());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * CNI DEL's dataplane part, idempotent: the container interface (when the namespace is still there), then the
     * host veth and calyx's routes through it (when still there).
     */
    public void delete(EndpointRef ref) {
        try {
            ref.netnsPath().flatMap(this::openIfPresent).ifPresent(pod -> {
                try (pod; RtNetlink inPod = access.netlinkIn(pod)) {
                    new ContainerSide(inPod, pod, access).deleteInterface(ref.containerIfName());
                }
            });
            new HostSide(host, hostNetns, access).deleteVeth(ref.hostVethName());
        } catch (RuntimeException e) {
            throw new EndpointException("unwire endpoint " + ref.hostVethName() + " (" + ref.containerIfName()
                    + ref.netnsPath().map(p -> " in " + p).orElse("") + "): " + e.getMessage(), e);
        }
    }

    /** What is missing or wrong in the endpoint's kernel objects; empty when it is wired as {@link #add} would. */
    public CheckReport check(EndpointSpec spec) {
        return new EndpointCheck(host, hostNetns, access).run(spec);
    }

    private Optional<Netns> openIfPresent(java.nio.file.Path path) {
        try {
            return Optional.of(access.open(path));
        } catch (NetnsException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String describe(EndpointSpec spec) {
        return spec.hostVethName() + " (" + spec.containerIfName() + " in " + spec.netnsPath() + ")";
    }
}
