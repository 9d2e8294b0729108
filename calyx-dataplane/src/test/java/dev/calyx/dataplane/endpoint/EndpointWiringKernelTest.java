package dev.calyx.dataplane.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.dataplane.routes.OwnedRoutes;
import dev.calyx.testkit.Exec;
import dev.calyx.dataplane.testing.ScratchHost;
import dev.calyx.dataplane.testing.ScratchNamespaces;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netns.Netns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints wired into a scratch "host" namespace and scratch "pod" namespaces on the real kernel, cross-checked with
 * {@code ip -j} and real traffic (busybox ping). Everything lives in namespaces this test creates and deletes.
 */
@Tag("kernel")
class EndpointWiringKernelTest {
    private final ScratchNamespaces namespaces = new ScratchNamespaces();
    private Netns host;
    private FfmRtNetlink hostNl;
    private EndpointWiring wiring;

    @BeforeEach
    void setUp() {
        host = namespaces.create();
        hostNl = ScratchHost.prepare(host);
        wiring = EndpointWiring.onHost(hostNl);
    }

    @AfterEach
    void tearDown() {
        if (hostNl != null) {
            hostNl.close();
        }
        namespaces.close();
    }

    private EndpointSpec pod(Netns pod, String podName, String v4, String v6) {
        return EndpointSpec.of(VethNames.forPod("default", podName), "eth0", Netns.RUN_DIR.resolve(pod.name()),
                List.of(IpPrefix.parse(v4 + "/26"), IpPrefix.parse(v6 + "/122"))).mtu(1450);
    }

    @Test
    void twoPodsReachEachOtherAndTheHostOverIpv4AndIpv6() {
        Netns p1 = namespaces.create();
        Netns p2 = namespaces.create();
        wiring.add(pod(p1, "web-1", "10.244.0.5", "fd00:10::5"));
        wiring.add(pod(p2, "web-2", "10.244.0.6", "fd00:10::6"));

        assertThat(Exec.ping(p1.name(), "10.244.0.6")).as("pod to pod, v4").isTrue();
        assertThat(Exec.ping(p2.name(), "10.244.0.5")).as("pod to pod back, v4").isTrue();
        assertThat(Exec.ping(p1.name(), ScratchHost.HOST_V4)).as("pod to host, v4").isTrue();
        assertThat(Exec.ping(p1.name(), "fd00:10::6")).as("pod to pod, v6").isTrue();
        assertThat(Exec.ping(p2.name(), ScratchHost.HOST_V6)).as("pod to host, v6").isTrue();
        assertThat(Exec.ping(host.name(), "10.244.0.5")).as("host to pod").isTrue();
    }

    @Test
    void kernelStateIsCalicos() {
        Netns p1 = namespaces.create();
        EndpointSpec spec = pod(p1, "nginx", "10.244.0.5", "fd00:10::5");
        WiredEndpoint wired = wiring.add(spec);
        String veth = "calic440f455693";

        JsonNode link = Exec.json(host.name(), "link", "show", veth).get(0);
        assertThat(link.get("address").asText()).isEqualTo("ee:ee:ee:ee:ee:ee");
        assertThat(link.get("flags").toString()).contains("\"UP\"", "\"LOWER_UP\"");
        assertThat(link.get("mtu").asInt()).isEqualTo(1450);
        assertThat(Exec.sysctl(host.name(), "net/ipv4/conf/" + veth + "/proxy_arp")).isEqualTo("1");
        assertThat(Exec.sysctl(host.name(), "net/ipv4/neigh/" + veth + "/proxy_delay")).isEqualTo("0");
        assertThat(Exec.sysctl(host.name(), "net/ipv4/conf/" + veth + "/forwarding")).isEqualTo("1");
        assertThat(Exec.sysctl(host.name(), "net/ipv4/conf/" + veth + "/route_localnet")).isEqualTo("1");
        assertThat(Exec.sysctl(host.name(), "net/ipv6/conf/" + veth + "/proxy_ndp")).isEqualTo("1");
        assertThat(Exec.sysctl(host.name(), "net/ipv6/conf/" + veth + "/accept_ra")).isEqualTo("0");
        assertThat(Exec.sysctl(host.name(), "net/ipv6/conf/" + veth + "/accept_dad")).isEqualTo("0");
        assertThat(Exec.ip(host.name(), "route", "show", "10.244.0.5/32"))
                .contains("10.244.0.5 dev " + veth + " proto 80 scope link");
        assertThat(Exec.ip(host.name(), "-6", "route", "show", "fd00:10::5/128"))
                .contains("fd00:10::5 dev " + veth + " proto 80");

        String routes = Exec.ip(p1.name(), "route", "show");
        assertThat(routes).contains("default via 169.254.1.1 dev eth0", "169.254.1.1 dev eth0 scope link");
        assertThat(Exec.ip(p1.name(), "-6", "route", "show", "default"))
                .contains("default via fe80::ecee:eeff:feee:eeee dev eth0");
        assertThat(Exec.ip(p1.name(), "addr", "show", "eth0")).contains("inet 10.244.0.5/32", "inet6 fd00:10::5/128");
        assertThat(Exec.sysctl(p1.name(), "net/ipv6/conf/eth0/accept_dad")).isEqualTo("0");
        JsonNode eth0 = Exec.json(p1.name(), "link", "show", "eth0").get(0);
        assertThat(eth0.get("address").asText()).isEqualTo(wired.containerMac().toString());
        assertThat(eth0.get("mtu").asInt()).isEqualTo(1450);
        assertThat(wiring.check(spec).problems()).isEmpty();
    }

    @Test
    void deleteRemovesEverythingAndIsIdempotentEvenAfterTheNamespaceIsGone() {
        Netns p1 = namespaces.create();
        EndpointSpec spec = pod(p1, "nginx", "10.244.0.5", "fd00:10::5");
        wiring.add(spec);

        wiring.delete(spec.ref());
        wiring.delete(spec.ref());
        Netns.delete(p1.name());
        wiring.delete(spec.ref());

        assertThat(Exec.ip(host.name(), "link", "show")).doesNotContain("cali");
        assertThat(Exec.ip(host.name(), "route", "show", "proto", String.valueOf(OwnedRoutes.PROTOCOL))).isBlank();
        assertThat(Exec.ip(host.name(), "-6", "route", "show", "proto", "80")).isBlank();
    }

    @Test
    void aRemovedPodNamespaceTakesTheVethAndDeleteStillSucceeds() {
        Netns p1 = namespaces.create();
        EndpointSpec spec = pod(p1, "nginx", "10.244.0.5", "fd00:10::5");
        wiring.add(spec);
        p1.close();
        Netns.delete(p1.name());

        wiring.delete(spec.ref());

        assertThat(hostNl.linkByName(spec.hostVethName())).isEmpty();
    }

    @Test
    void checkReportsARouteRemovedBehindItsBack() {
        Netns p1 = namespaces.create();
        EndpointSpec spec = pod(p1, "nginx", "10.244.0.5", "fd00:10::5");
        wiring.add(spec);

        Exec.ip(host.name(), "route", "del", "10.244.0.5/32");
        Exec.ip(p1.name(), "route", "del", "default");

        assertThat(wiring.check(spec).problems()).containsExactlyInAnyOrder(
                "host route 10.244.0.5/32 dev calic440f455693: missing",
                "container default route via 169.254.1.1: missing");
    }

    @Test
    void aFailedAddLeavesNothingBehind() {
        Netns p1 = namespaces.create();
        Exec.ip(p1.name(), "link", "add", "eth0", "type", "veth", "peer", "name", "other0");

        EndpointSpec spec = pod(p1, "nginx", "10.244.0.5", "fd00:10::5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wiring.add(spec))
                .isInstanceOf(EndpointException.class).hasMessageContaining("calic440f455693")
                .hasMessageContaining("EEXIST");

        assertThat(hostNl.linkByName(spec.hostVethName())).isEmpty();
        assertThat(Exec.ip(p1.name(), "link", "show")).contains("eth0", "other0");
    }

    @Test
    void aFailureAtTheLastStepRemovesTheVethFromBothNamespaces() {
        Netns p1 = namespaces.create();
        Exec.ip(host.name(), "route", "add", "10.244.0.5/32", "dev", "uplink0");
        EndpointSpec spec = pod(p1, "nginx", "10.244.0.5", "fd00:10::5");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wiring.add(spec))
                .hasMessageContaining("already exists for an interface other than calic440f455693: uplink0");

        assertThat(Exec.ip(host.name(), "link", "show")).doesNotContain("cali");
        assertThat(Exec.ip(p1.name(), "link", "show")).doesNotContain("eth0");
        assertThat(Exec.ip(host.name(), "-6", "route", "show", "proto", "80")).isBlank();
        assertThat(Exec.ip(host.name(), "route", "show", "10.244.0.5/32")).contains("dev uplink0");
    }
}
