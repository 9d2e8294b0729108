package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.MacAddress;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an ADD wired, as a CNI result reports it: interfaces {@code [host veth (no sandbox), container interface
 * (mac, sandbox)]} and the addresses on the container interface; also what the WorkloadEndpoint records
 * ({@code spec.interfaceName}, {@code spec.mac}).
 *
 * @param containerMac the container interface's MAC (WorkloadEndpoint {@code spec.mac})
 * @param mtu          the container interface's MTU as the kernel reports it
 * @param addresses    /32 and /128 addresses on the container interface
 */
public record WiredEndpoint(String hostVethName, MacAddress hostMac, String containerIfName, MacAddress containerMac,
                            Path netnsPath, int mtu, List<IpPrefix> addresses) {
    public WiredEndpoint {
        Objects.requireNonNull(hostVethName, "hostVethName");
        Objects.requireNonNull(hostMac, "hostMac");
        Objects.requireNonNull(containerIfName, "containerIfName");
        Objects.requireNonNull(containerMac, "containerMac");
        Objects.requireNonNull(netnsPath, "netnsPath");
        addresses = List.copyOf(addresses);
    }
}
