package dev.calyx.dataplane.endpoint;

import dev.calyx.testkit.Exec;
import dev.calyx.dataplane.testing.ScratchHost;
import dev.calyx.dataplane.testing.ScratchNamespaces;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netns.Netns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Restart garbage collection on the real kernel: a stale workload veth goes, a live one keeps working. */
@Tag("kernel")
class EndpointReconcilerKernelTest {
    private final ScratchNamespaces namespaces = new ScratchNamespaces();
    private FfmRtNetlink hostNl;

    @AfterEach
    void tearDown() {
        if (hostNl != null) {
            hostNl.close();
        }
        namespaces.close();
    }

    @Test
    void removesTheStaleVethAndItsRoutesAndKeepsTheLiveOneWorking() {
        Netns host = namespaces.create();
        hostNl = ScratchHost.prepare(host);
        EndpointWiring wiring = EndpointWiring.onHost(hostNl);
        Netns live = namespaces.create();
        Netns stale = namespaces.create();
        EndpointSpec liveSpec = spec(live, "live", "10.244.0.5");
        EndpointSpec staleSpec = spec(stale, "stale", "10.244.0.6");
        wiring.add(liveSpec);
        wiring.add(staleSpec);
        int liveIndex = hostNl.link(liveSpec.hostVethName()).index();

        EndpointReconciler.Result result = new EndpointReconciler(hostNl).reconcile(Set.of(liveSpec.hostVethName()));

        assertThat(result.removed()).containsExactly(staleSpec.hostVethName());
        assertThat(result.kept()).containsExactly(liveSpec.hostVethName());
        String links = Exec.ip(host.name(), "link", "show");
        assertThat(links).contains(liveSpec.hostVethName(), "uplink0").doesNotContain(staleSpec.hostVethName());
        assertThat(Exec.ip(host.name(), "route", "show")).contains("10.244.0.5 dev " + liveSpec.hostVethName())
                .doesNotContain("10.244.0.6");
        assertThat(Exec.ip(stale.name(), "link", "show")).doesNotContain("eth0");
        assertThat(hostNl.link(liveSpec.hostVethName()).index()).as("live veth untouched").isEqualTo(liveIndex);
        assertThat(Exec.ping(live.name(), ScratchHost.HOST_V4)).isTrue();
    }

    private static EndpointSpec spec(Netns pod, String name, String address) {
        return EndpointSpec.of(VethNames.forPod("default", name), "eth0", Netns.RUN_DIR.resolve(pod.name()),
                List.of(IpPrefix.parse(address + "/32")));
    }
}
