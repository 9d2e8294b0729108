package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;

import java.net.InetAddress;

import static dev.calyx.kernel.netlink.IpPrefix.parseAddress;

/**
 * Wires a "pod" namespace behind a "host" namespace the way Calico does, using only our kernel layer: a veth with the
 * pod end created directly in the pod, a /32 on the pod's eth0, {@code 169.254.1.1 dev eth0 scope link} and a default
 * route via it, proxy ARP on the host end, and the host route {@code POD/32 dev caliX}.
 */
final class PodWiring {
    static final InetAddress GATEWAY = parseAddress("169.254.1.1");

    private PodWiring() {}

    static void wire(FfmRtNetlink host, String cali, Netns pod, IpPrefix podIp) {
        host.addVeth(VethSpec.of(cali, "eth0").peerIn(pod));
        host.setLinkUp(cali);
        Sysctl.set(host.netns(), "net/ipv4/conf/" + cali + "/proxy_arp", "1");
        host.addRoute(Route.to(podIp).dev(host.link(cali).index()));
        try (FfmRtNetlink inPod = FfmRtNetlink.openIn(pod)) {
            int eth0 = inPod.link("eth0").index();
            inPod.setLinkUp("lo");
            inPod.setLinkUp("eth0");
            inPod.addAddress(Address.of(eth0, podIp));
            inPod.addRoute(Route.to(IpPrefix.host(GATEWAY)).dev(eth0));
            inPod.addRoute(Route.to(IpPrefix.parse("0.0.0.0/0")).via(GATEWAY).dev(eth0));
        }
    }
}
