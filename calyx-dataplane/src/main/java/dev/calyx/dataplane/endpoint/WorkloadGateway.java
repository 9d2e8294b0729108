package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.MacAddress;

import java.net.InetAddress;

/**
 * Calico's gateway trick, as constants. Every workload's default route goes via {@link #IPV4} (169.254.1.1), which
 * nothing owns: the host veth answers ARP for it because proxy ARP is on ("one fewer thing to maintain and one fewer
 * thing we may clash over", Calico's comment). Every host veth has MAC {@link #HOST_MAC}, so its EUI-64 link-local
 * address is {@link #HOST_LINK_LOCAL}, the IPv6 gateway of every workload.
 */
public final class WorkloadGateway {
    public static final InetAddress IPV4 = IpPrefix.parseAddress("169.254.1.1");
    public static final MacAddress HOST_MAC = MacAddress.parse("ee:ee:ee:ee:ee:ee");
    public static final InetAddress HOST_LINK_LOCAL = IpPrefix.parseAddress("fe80::ecee:eeff:feee:eeee");
    public static final IpPrefix DEFAULT_V4 = IpPrefix.parse("0.0.0.0/0");
    public static final IpPrefix DEFAULT_V6 = IpPrefix.parse("::/0");

    private WorkloadGateway() {}
}
