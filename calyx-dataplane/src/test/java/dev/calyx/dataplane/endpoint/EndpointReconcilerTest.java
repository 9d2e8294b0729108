package dev.calyx.dataplane.endpoint;

import dev.calyx.dataplane.routes.OwnedRoutes;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netlink.VxlanSpec;
import dev.calyx.testkit.FakeRtNetlink;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static org.assertj.core.api.Assertions.assertThat;

class EndpointReconcilerTest {
    private final FakeRtNetlink host = new FakeRtNetlink();

    @Test
    void removesStaleWorkloadVethsOnlyAndKeepsLiveOnesUntouched() {
        veth("calilive0000000", "10.244.0.5/32");
        veth("calistale000000", "10.244.0.6/32");
        host.addVeth(VethSpec.of("uplink0", "uplink1"));
        host.addVxlan(VxlanSpec.of(VethNames.VXLAN_DEVICE, 4096));
        host.resetCalls();

        EndpointReconciler.Result result = new EndpointReconciler(host).reconcile(Set.of("calilive0000000"));

        assertThat(result.removed()).containsExactly("calistale000000");
        assertThat(result.kept()).containsExactly("calilive0000000");
        assertThat(host.links()).extracting(Link::name)
                .containsExactlyInAnyOrder("lo", "calilive0000000", "plive0", "uplink0", "uplink1",
                        VethNames.VXLAN_DEVICE);
        assertThat(host.routes(IpFamily.V4)).extracting(Route::destination).containsExactly(parse("10.244.0.5/32"));
    }

    @Test
    void nothingToDoChangesNothing() {
        veth("calilive0000000", "10.244.0.5/32");
        host.resetCalls();

        new EndpointReconciler(host).reconcile(Set.of("calilive0000000"));

        assertThat(host.mutatingCalls()).isZero();
    }

    private void veth(String name, String address) {
        host.addVeth(VethSpec.of(name, "p" + name.substring(4, 9)));
        host.setLinkUp(name);
        host.addRoute(OwnedRoutes.workloadRoute(parse(address), host.link(name).index()));
    }
}
