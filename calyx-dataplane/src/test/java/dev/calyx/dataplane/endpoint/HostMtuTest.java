package dev.calyx.dataplane.endpoint;

import dev.calyx.dataplane.testing.ScratchNamespaces;
import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.testkit.FakeRtNetlink;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static dev.calyx.kernel.netlink.IpPrefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostMtuTest {
    @Test
    void theDefaultRoutesInterfaceDecides() {
        FakeRtNetlink host = new FakeRtNetlink();
        host.addVeth(VethSpec.of("mgmt0", "mgmt1").mtu(1500));
        host.addVeth(VethSpec.of("fabric0", "fabric1").mtu(9000));
        host.setLinkUp("fabric0");
        host.addRoute(Route.to(parse("0.0.0.0/0")).via(parseAddress("10.0.0.1")).dev(host.link("fabric0").index()));

        assertThat(HostMtu.detect(host)).isEqualTo(9000);
        assertThat(HostMtu.forWorkloads(host, Encapsulation.VXLAN)).isEqualTo(8950);
    }

    @Test
    void withoutDefaultRouteOrPhysicalInterfaceItFallsBackLikeFelix() {
        FakeRtNetlink host = new FakeRtNetlink();
        host.addVeth(VethSpec.of("v0", "v1").mtu(9000)); // virtual: not a candidate

        assertThat(HostMtu.detect(host)).isEqualTo(HostMtu.FALLBACK);
    }

    @Test
    void overheadsAreCalicos() {
        assertThat(HostMtu.forWorkloads(1500, Encapsulation.IPIP)).isEqualTo(1480);
        assertThat(HostMtu.forWorkloads(1500, Encapsulation.VXLAN)).isEqualTo(1450);
        assertThat(HostMtu.forWorkloads(1500, Encapsulation.WIREGUARD)).isEqualTo(1440);
        assertThat(HostMtu.forWorkloads(1500, Encapsulation.VXLAN_V6)).isEqualTo(1430);
        assertThat(HostMtu.forWorkloads(1500, Encapsulation.NONE)).isEqualTo(1500);
        assertThatThrownBy(() -> HostMtu.forWorkloads(100, Encapsulation.VXLAN)).hasMessageContaining("100");
    }

    @Tag("kernel")
    @Test
    void detectsTheDefaultRouteMtuOnTheKernel() {
        try (ScratchNamespaces namespaces = new ScratchNamespaces();
             FfmRtNetlink nl = FfmRtNetlink.openIn(namespaces.create())) {
            nl.addVeth(VethSpec.of("up0", "up1").mtu(1400));
            nl.setLinkUp("up0");
            nl.setLinkUp("up1");
            int index = nl.link("up0").index();
            nl.addAddress(Address.of(index, "192.168.9.1/24"));
            nl.addRoute(Route.to(parse("0.0.0.0/0")).via(parseAddress("192.168.9.254")).dev(index));

            assertThat(HostMtu.forWorkloads(nl, Encapsulation.VXLAN)).isEqualTo(1350);
        }
    }
}
