package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;
import dev.calyx.kernel.testing.Ip;
import dev.calyx.kernel.testing.TestNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static dev.calyx.kernel.netlink.IpPrefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;

/** Traffic through what our kernel layer programmed, checked with real ping; everything in throwaway namespaces. */
@Tag("kernel")
class DataplaneE2eTest {
    private final TestNamespaces namespaces = new TestNamespaces();
    private final List<FfmRtNetlink> handles = new ArrayList<>();

    @AfterEach
    void tearDown() {
        handles.forEach(FfmRtNetlink::close);
        namespaces.close();
    }

    private FfmRtNetlink open(Netns ns) {
        FfmRtNetlink nl = FfmRtNetlink.openIn(ns);
        handles.add(nl);
        return nl;
    }

    @Test
    void twoNamespacesJoinedByAVethPing() {
        Netns a = namespaces.create();
        Netns b = namespaces.create();
        FfmRtNetlink nlA = open(a);
        FfmRtNetlink nlB = open(b);
        nlA.addVeth(VethSpec.of("vA", "vB").peerIn(b));
        nlA.addAddress(Address.of(nlA.link("vA").index(), "10.10.0.1/24"));
        nlB.addAddress(Address.of(nlB.link("vB").index(), "10.10.0.2/24"));
        nlA.setLinkUp("vA");
        nlB.setLinkUp("vB");

        assertThat(Ip.ping(a.name(), "10.10.0.2")).isTrue();
        assertThat(Ip.ping(b.name(), "10.10.0.1")).isTrue();
    }

    @Test
    void calicoStylePodIsReachableFromItsHost() {
        Netns host = namespaces.create();
        Netns pod = namespaces.create();
        FfmRtNetlink nl = open(host);
        uplink(nl, "192.168.50.1/24", "192.168.50.254");

        PodWiring.wire(nl, "cali1234", pod, parse("10.244.0.5/32"));

        assertThat(Ip.ping(host.name(), "10.244.0.5")).isTrue();
        assertThat(Ip.ping(pod.name(), "192.168.50.1")).as("pod reaches the host through proxy ARP").isTrue();
    }

    /**
     * Two hosts on an underlay veth, each with a pod, joined by VXLAN devices with learning off. Each host has
     * exactly what Calico's VXLAN mode programs for the other's block: a route via the remote VTEP's tunnel address
     * (onlink), a permanent ARP entry for that address, and an FDB entry sending its MAC to the remote underlay IP.
     */
    @Test
    void podsOnTwoHostsPingThroughVxlanWeProgrammed() {
        Netns h1 = namespaces.create();
        Netns h2 = namespaces.create();
        Netns p1 = namespaces.create();
        Netns p2 = namespaces.create();
        FfmRtNetlink nl1 = open(h1);
        FfmRtNetlink nl2 = open(h2);
        nl1.addVeth(VethSpec.of("u1", "u2").peerIn(h2));
        underlay(nl1, "u1", "192.168.100.1/24", "192.168.100.2");
        underlay(nl2, "u2", "192.168.100.2/24", "192.168.100.1");
        MacAddress m1 = MacAddress.parse("66:cc:00:00:00:01");
        MacAddress m2 = MacAddress.parse("66:cc:00:00:00:02");
        vtep(nl1, "u1", "192.168.100.1", m1, "10.244.1.0");
        vtep(nl2, "u2", "192.168.100.2", m2, "10.244.2.0");
        PodWiring.wire(nl1, "cali1", p1, parse("10.244.1.5/32"));
        PodWiring.wire(nl2, "cali2", p2, parse("10.244.2.5/32"));

        remoteBlock(nl1, "10.244.2.0/26", "10.244.2.0", m2, "192.168.100.2");
        remoteBlock(nl2, "10.244.1.0/26", "10.244.1.0", m1, "192.168.100.1");

        assertThat(Ip.ping(p1.name(), "10.244.2.5")).isTrue();
        assertThat(Ip.ping(p2.name(), "10.244.1.5")).isTrue();
        assertThat(Ip.run("bridge", "-n", h1.name(), "fdb", "show", "dev", "vxlan.calico").out())
                .as("learning off: only our entry").contains("66:cc:00:00:00:02 dst 192.168.100.2")
                .doesNotContain("66:cc:00:00:00:01");
    }

    private static void uplink(FfmRtNetlink nl, String address, String gateway) {
        nl.addVeth(VethSpec.of("uplink0", "uplink1"));
        nl.setLinkUp("uplink0");
        nl.setLinkUp("uplink1");
        int index = nl.link("uplink0").index();
        nl.addAddress(Address.of(index, address));
        nl.addRoute(Route.to(parse("0.0.0.0/0")).via(parseAddress(gateway)).dev(index));
        // proxy ARP answers only for destinations the host would forward to
        Sysctl.set(nl.netns(), "net/ipv4/ip_forward", "1");
    }

    private static void underlay(FfmRtNetlink nl, String dev, String address, String peer) {
        int index = nl.link(dev).index();
        nl.addAddress(Address.of(index, address));
        nl.setLinkUp(dev);
        // a default route gives proxy ARP on the cali interfaces a route to 169.254.1.1 out of another device
        nl.addRoute(Route.to(parse("0.0.0.0/0")).via(parseAddress(peer)).dev(index));
        Sysctl.set(nl.netns(), "net/ipv4/ip_forward", "1");
    }

    private static void vtep(FfmRtNetlink nl, String parent, String local, MacAddress mac, String tunnelIp) {
        nl.addVxlan(VxlanSpec.of("vxlan.calico", 4096).local(parseAddress(local)).parent(nl.link(parent).index())
                .mac(mac).mtu(1450));
        nl.setLinkUp("vxlan.calico");
        nl.addAddress(Address.of(nl.link("vxlan.calico").index(), tunnelIp + "/32"));
    }

    private static void remoteBlock(FfmRtNetlink nl, String block, String remoteTunnelIp, MacAddress remoteMac,
                                    String remoteUnderlayIp) {
        int vxlan = nl.link("vxlan.calico").index();
        nl.replaceNeighbor(Neighbor.permanent(vxlan, parseAddress(remoteTunnelIp), remoteMac));
        nl.replaceFdbEntry(FdbEntry.vxlan(vxlan, remoteMac, parseAddress(remoteUnderlayIp)));
        nl.replaceRoute(Route.to(parse(block)).via(parseAddress(remoteTunnelIp)).dev(vxlan).withOnlink()
                .protocol(Rtprot.BOOT));
    }
}
