package dev.calyx.agent.pod;

import dev.calyx.agent.cni.CniResult;
import dev.calyx.dataplane.endpoint.WiredEndpoint;
import dev.calyx.ipam.IpAddr;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Calico's ADD result (calico.md §1.3 step 21) and the text forms of addresses the agent writes. */
final class PodResults {
    private PodResults() {
    }

    /**
     * Interfaces {@code [host veth (no sandbox), container interface (mac, sandbox)]}; every address on interface 1
     * with no gateway (169.254.1.1 is a trick inside the pod, not a gateway the runtime should know); default routes
     * for each family the pod has.
     */
    static CniResult of(WiredEndpoint wired, List<IpPrefix> ipamAddresses) {
        List<CniResult.Interface> interfaces = List.of(
                new CniResult.Interface(wired.hostVethName(), wired.hostMac().toString(), ""),
                new CniResult.Interface(wired.containerIfName(), wired.containerMac().toString(),
                        wired.netnsPath().toString()));
        List<CniResult.IpConfig> ips = ipamAddresses.stream()
                .map(a -> new CniResult.IpConfig(text(a), "", Optional.of(1))).toList();
        List<CniResult.Route> routes = new ArrayList<>();
        if (ipamAddresses.stream().anyMatch(a -> a.family() == IpFamily.V4)) {
            routes.add(new CniResult.Route("0.0.0.0/0", ""));
        }
        if (ipamAddresses.stream().anyMatch(a -> a.family() == IpFamily.V6)) {
            routes.add(new CniResult.Route("::/0", ""));
        }
        return new CniResult(interfaces, ips, routes, CniResult.Dns.NONE);
    }

    /** Go's form: "10.244.0.5/32", "fd00::5/128" (Java would print every IPv6 zero group). */
    static String text(IpPrefix prefix) {
        return IpAddr.of(prefix.address()) + "/" + prefix.length();
    }

    static String hostText(IpPrefix prefix) {
        return text(IpPrefix.host(prefix.address()));
    }
}
