package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class MtuCheckTest {
    private static HostNetwork.Link link(String name, int mtu, String kind) {
        return new HostNetwork.Link(name, mtu, true, kind, "ether");
    }

    @Test
    void defaultRouteInterfaceWinsOverLargerPhysicalLinks() {
        HostNetwork net = new HostNetwork(List.of(link("eth0", 1500, ""), link("eth1", 9000, ""),
                link("docker0", 9500, "bridge")), List.of(),
                List.of(new HostNetwork.Route(IpPrefix.parse("0.0.0.0/0"), "eth0", "192.0.2.1", "unicast")));
        CheckResult r = MtuCheck.evaluate(net, PreflightContext.forHost(Mode.VXLAN));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.evidence()).contains("host eth0 (default route) MTU 1500", "vxlan 1450", "vxlan-v6 1430",
                "ipip 1480", "wireguard 1440", "mode vxlan gives pods 1450");
    }

    @Test
    void withoutADefaultRouteTheLargestPhysicalLinkIsUsed() {
        HostNetwork net = new HostNetwork(List.of(link("eth0", 1500, ""), link("eth1", 9000, ""),
                link("br0", 9500, "bridge")), List.of(), List.of());
        CheckResult r = MtuCheck.evaluate(net, PreflightContext.forHost(Mode.IPIP).withWireguard(true));
        assertThat(r.evidence()).contains("host eth1 (largest physical link) MTU 9000",
                "mode ipip+wireguard gives pods 8940");
    }

    @Test
    void noHostInterfaceOrTinyPodMtuWarns() {
        HostNetwork none = new HostNetwork(List.of(), List.of(), List.of());
        CheckResult r = MtuCheck.evaluate(none, PreflightContext.forHost(Mode.VXLAN));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.evidence()).contains("assuming MTU 1460");
        HostNetwork small = new HostNetwork(List.of(link("eth0", 1300, "")), List.of(), List.of());
        assertThat(MtuCheck.evaluate(small, PreflightContext.forHost(Mode.VXLAN)).status()).isEqualTo(Status.WARN);
    }

    @Test
    @Tag("kernel")
    void readsTheDefaultRouteDeviceOfARealNamespace() {
        try (TestNetns ns = new TestNetns()) {
            ns.ip("link", "add", "pfdummy0", "mtu", "9000", "type", "veth", "peer", "name", "pfdummy1");
            ns.ip("link", "set", "pfdummy1", "up");
            ns.ip("link", "set", "pfdummy0", "up");
            ns.ip("addr", "add", "192.0.2.10/24", "dev", "pfdummy0");
            ns.ip("route", "add", "default", "via", "192.0.2.1");
            CheckResult r = new MtuCheck().run(PreflightContext.forHost(Mode.VXLAN).withHostNetns(ns.name)).getFirst();
            assertThat(r.evidence()).contains("host pfdummy0 (default route) MTU 9000", "gives pods 8950");
        }
    }
}
