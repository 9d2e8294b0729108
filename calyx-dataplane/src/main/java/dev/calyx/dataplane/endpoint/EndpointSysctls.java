package dev.calyx.dataplane.endpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The sysctls Calico's CNI plugin writes for an endpoint ({@code configureSysctls} and
 * {@code configureContainerSysctls} in {@code dataplane_linux.go}), in its order. Keys are the slash form under
 * /proc/sys because interface names may contain dots.
 */
final class EndpointSysctls {
    /** One write; a failed optional one is only worth a warning (Calico: accept_ra). */
    record Setting(String key, String value, boolean required) {}

    private EndpointSysctls() {}

    /** Host end, before it is brought up. */
    static List<Setting> hostVeth(String veth, boolean ipv4, boolean ipv6) {
        List<Setting> s = new ArrayList<>();
        if (ipv4) {
            // lets DNAT to 127.0.0.1 (node-local services) work for traffic from the workload
            s.add(required("net/ipv4/conf/" + veth + "/route_localnet", "1"));
            // the kernel delays proxy ARP replies by default; in a Calico network nothing is gained by waiting
            s.add(required("net/ipv4/neigh/" + veth + "/proxy_delay", "0"));
            // answers the workload's ARP for 169.254.1.1 (and everything else) with ee:ee:ee:ee:ee:ee
            s.add(required("net/ipv4/conf/" + veth + "/proxy_arp", "1"));
            s.add(required("net/ipv4/conf/" + veth + "/forwarding", "1"));
        }
        if (ipv6) {
            s.add(required("net/ipv6/conf/" + veth + "/accept_dad", "0"));
            // without IPv6 on the host end it gets no link-local address, the workload's IPv6 gateway
            s.add(required("net/ipv6/conf/" + veth + "/disable_ipv6", "0"));
            s.add(required("net/ipv6/conf/" + veth + "/proxy_ndp", "1"));
            s.add(required("net/ipv6/conf/" + veth + "/forwarding", "1"));
        }
        s.add(new Setting("net/ipv6/conf/" + veth + "/accept_ra", "0", false));
        return s;
    }

    /** Container end, before it is brought up: the addresses are unique, skip duplicate address detection. */
    static List<Setting> containerBeforeUp(String ifName, boolean ipv6) {
        return ipv6 ? List.of(required("net/ipv6/conf/" + ifName + "/accept_dad", "0")) : List.of();
    }

    /** Container namespace, before its IPv6 default route: IPv6 on everywhere. */
    static List<Setting> containerIpv6() {
        return List.of(required("net/ipv6/conf/all/disable_ipv6", "0"),
                required("net/ipv6/conf/default/disable_ipv6", "0"),
                required("net/ipv6/conf/lo/disable_ipv6", "0"));
    }

    /** Container namespace, last: forwarding per the network's {@code allow_ip_forwarding}. */
    static List<Setting> containerForwarding(boolean ipv4, boolean ipv6, boolean allow) {
        String value = allow ? "1" : "0";
        List<Setting> s = new ArrayList<>();
        if (ipv4) {
            s.add(required("net/ipv4/ip_forward", value));
        }
        if (ipv6) {
            s.add(required("net/ipv6/conf/all/forwarding", value));
        }
        return s;
    }

    private static Setting required(String key, String value) {
        return new Setting(key, value, true);
    }
}
