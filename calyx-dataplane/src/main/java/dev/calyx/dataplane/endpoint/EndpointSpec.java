package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.LinkNames;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One workload endpoint to wire: what a CNI ADD knows once IPAM has answered.
 *
 * <pre>{@code EndpointSpec.of(VethNames.forPod("default", "nginx"), "eth0", Path.of("/proc/4242/ns/net"),
 *         List.of(IpPrefix.parse("10.244.0.5/26"))).mtu(1450)}</pre>
 *
 * @param hostVethName      the host end ({@link VethNames})
 * @param containerIfName   CNI_IFNAME, the container end
 * @param netnsPath         CNI_NETNS, the container's namespace file
 * @param addresses         the workload's addresses; forced to /32 and /128 whatever the block mask, as Calico does
 * @param mtu               the container interface's MTU (both ends get it); 0 for the kernel default
 * @param allowIpForwarding Calico's {@code allow_ip_forwarding}: the container's ip_forward / IPv6 forwarding
 * @param hostRoutes        whether to add the host's routes to the addresses (Calico skips them when IPAM returned
 *                          no routes, the KubeVirt migration-target case)
 */
public record EndpointSpec(String hostVethName, String containerIfName, Path netnsPath, List<IpPrefix> addresses,
                           int mtu, boolean allowIpForwarding, boolean hostRoutes) {
    public EndpointSpec {
        LinkNames.check(hostVethName);
        LinkNames.check(containerIfName);
        Objects.requireNonNull(netnsPath, "netnsPath");
        Objects.requireNonNull(addresses, "addresses");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("endpoint " + hostVethName + ": no addresses");
        }
        addresses = addresses.stream().map(a -> IpPrefix.host(a.address())).distinct().toList();
        if (mtu != 0 && (mtu < 68 || mtu > 65535)) {
            throw new IllegalArgumentException("endpoint " + hostVethName + ": mtu " + mtu + " out of range 68-65535");
        }
    }

    public static EndpointSpec of(String hostVethName, String containerIfName, Path netnsPath,
                                  List<IpPrefix> addresses) {
        return new EndpointSpec(hostVethName, containerIfName, netnsPath, addresses, 0, false, true);
    }

    public EndpointSpec mtu(int newMtu) {
        return new EndpointSpec(hostVethName, containerIfName, netnsPath, addresses, newMtu, allowIpForwarding,
                hostRoutes);
    }

    public EndpointSpec allowIpForwarding(boolean allow) {
        return new EndpointSpec(hostVethName, containerIfName, netnsPath, addresses, mtu, allow, hostRoutes);
    }

    public EndpointSpec withoutHostRoutes() {
        return new EndpointSpec(hostVethName, containerIfName, netnsPath, addresses, mtu, allowIpForwarding, false);
    }

    public boolean hasIpv4() {
        return addresses.stream().anyMatch(a -> a.family() == IpFamily.V4);
    }

    public boolean hasIpv6() {
        return addresses.stream().anyMatch(a -> a.family() == IpFamily.V6);
    }

    /** What DEL needs to find this endpoint again. */
    public EndpointRef ref() {
        return new EndpointRef(hostVethName, containerIfName, java.util.Optional.of(netnsPath));
    }
}
