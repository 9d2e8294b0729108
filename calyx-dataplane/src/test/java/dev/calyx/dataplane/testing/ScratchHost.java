package dev.calyx.dataplane.testing;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.Ifa;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;

/**
 * A scratch namespace playing the node: forwarding on (proxy ARP answers only when the host would forward), an
 * "uplink" veth pair carrying the host's own addresses {@link #HOST_V4} / {@link #HOST_V6} and a default route out
 * of it, so 169.254.1.1 is routed through another device than the workload's and proxy ARP answers for it.
 */
public final class ScratchHost {
    public static final String HOST_V4 = "192.168.77.1";
    public static final String HOST_V6 = "fd77::1";

    private ScratchHost() {}

    public static FfmRtNetlink prepare(Netns host) {
        FfmRtNetlink nl = FfmRtNetlink.openIn(host);
        Sysctl.set(host, "net/ipv4/ip_forward", "1");
        Sysctl.set(host, "net/ipv6/conf/all/forwarding", "1");
        nl.addVeth(VethSpec.of("uplink0", "uplink1"));
        nl.setLinkUp("lo");
        nl.setLinkUp("uplink0");
        nl.setLinkUp("uplink1");
        int uplink = nl.link("uplink0").index();
        nl.addAddress(Address.of(uplink, HOST_V4 + "/24"));
        nl.addAddress(Address.of(uplink, HOST_V6 + "/64").withFlags(Ifa.F_NODAD));
        nl.addRoute(Route.to(IpPrefix.parse("0.0.0.0/0")).via(IpPrefix.parseAddress("192.168.77.254")).dev(uplink));
        return nl;
    }
}
