package dev.calyx.dataplane.endpoint;

import dev.calyx.dataplane.routes.OwnedRoutes;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtScope;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sys.Errno;
import dev.calyx.testkit.FakeOp;
import dev.calyx.testkit.FakeRtNetlink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wiring logic against in-memory namespaces: order-independent end state, rollback, idempotent delete. */
class EndpointWiringTest {
    private static final String VETH = VethNames.forPod("default", "nginx");
    @TempDir
    Path dir;
    private final FakeRtNetlink host = new FakeRtNetlink();
    private final FakeNamespaceAccess access = new FakeNamespaceAccess(host);
    private Netns hostNetns;
    private EndpointWiring wiring;
    private Path podPath;

    @BeforeEach
    void setUp() throws IOException {
        hostNetns = Netns.openPath(Files.createFile(dir.resolve("node")));
        podPath = Files.createFile(dir.resolve("pod1"));
        wiring = new EndpointWiring(host, hostNetns, access);
    }

    @AfterEach
    void tearDown() {
        hostNetns.close();
    }

    private EndpointSpec spec() {
        return EndpointSpec.of(VETH, "eth0", podPath, List.of(parse("10.244.0.5/26"))).mtu(1450);
    }

    @Test
    void wiresLikeCalico() {
        WiredEndpoint wired = wiring.add(spec());

        Link veth = host.link(VETH);
        assertThat(veth.mac()).contains(WorkloadGateway.HOST_MAC);
        assertThat(veth.isUp()).isTrue();
        assertThat(host.routes(IpFamily.V4)).containsExactly(Route.to(parse("10.244.0.5/32")).dev(veth.index())
                .scope(RtScope.LINK).protocol(OwnedRoutes.PROTOCOL));
        assertThat(access.sysctl("node", "net/ipv4/conf/" + VETH + "/proxy_arp")).isEqualTo("1");
        assertThat(access.sysctl("node", "net/ipv4/neigh/" + VETH + "/proxy_delay")).isEqualTo("0");
        assertThat(access.sysctl("node", "net/ipv4/conf/" + VETH + "/route_localnet")).isEqualTo("1");
        assertThat(access.sysctl("pod1", "net/ipv4/ip_forward")).isEqualTo("0");
        FakeRtNetlink pod = access.pod("pod1");
        int eth0 = pod.link("eth0").index();
        assertThat(pod.addresses(eth0)).extracting(a -> a.prefix().toString()).containsExactly("10.244.0.5/32");
        assertThat(pod.routes(IpFamily.V4)).extracting(r -> r.destination() + " " + r.gateway().map(
                g -> g.getHostAddress()).orElse("-")).containsExactly("169.254.1.1/32 -", "0.0.0.0/0 169.254.1.1");
        assertThat(wired.addresses()).containsExactly(parse("10.244.0.5/32"));
        assertThat(wired.containerMac()).isEqualTo(pod.link("eth0").mac().orElseThrow());
        assertThat(wiring.check(spec()).problems()).isEmpty();
    }

    @Test
    void ipv6GoesViaTheHostVethsLinkLocalAddress() {
        EndpointSpec spec = EndpointSpec.of(VETH, "eth0", podPath, List.of(parse("fd00:10::5/122")));

        wiring.add(spec);

        FakeRtNetlink pod = access.pod("pod1");
        assertThat(pod.routes(IpFamily.V6)).singleElement().satisfies(r -> {
            assertThat(r.destination()).isEqualTo(WorkloadGateway.DEFAULT_V6);
            assertThat(r.gateway()).contains(WorkloadGateway.HOST_LINK_LOCAL);
        });
        assertThat(pod.routes(IpFamily.V4)).isEmpty();
        assertThat(access.sysctl("pod1", "net/ipv6/conf/eth0/accept_dad")).isEqualTo("0");
        assertThat(access.sysctl("pod1", "net/ipv6/conf/all/disable_ipv6")).isEqualTo("0");
        assertThat(access.sysctl("node", "net/ipv6/conf/" + VETH + "/proxy_ndp")).isEqualTo("1");
        assertThat(access.sysctl("node", "net/ipv4/conf/" + VETH + "/proxy_arp")).as("IPv4 only with v4").isNull();
        assertThat(host.routes(IpFamily.V6)).extracting(Route::destination).containsExactly(parse("fd00:10::5/128"));
        assertThat(wiring.check(spec).problems()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = FakeOp.class, names = {"ADD_VETH", "SET_LINK_UP", "ADD_ROUTE"})
    void aHostSideFailureLeavesNothing(FakeOp op) {
        host.addVeth(VethSpec.of("uplink0", "uplink1")); // the host's own links survive
        host.failNext(op, Errno.ENOBUFS);

        assertThatThrownBy(() -> wiring.add(spec())).isInstanceOf(EndpointException.class)
                .hasMessageContaining(VETH).hasMessageContaining("ENOBUFS");

        assertNothingLeft();
        assertThat(host.linkByName("uplink0")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = FakeOp.class, names = {"ADD_ADDRESS", "ADD_ROUTE", "SET_LINK_UP"})
    void aContainerSideFailureLeavesNothing(FakeOp op) {
        access.pod("pod1").failNext(op, Errno.EINVAL);

        assertThatThrownBy(() -> wiring.add(spec())).isInstanceOf(EndpointException.class)
                .hasMessageContaining("EINVAL");

        assertNothingLeft();
    }

    @Test
    void aFailedSysctlLeavesNothing() {
        access.failSysctl("/proxy_arp");

        assertThatThrownBy(() -> wiring.add(spec())).hasMessageContaining("proxy_arp");

        assertNothingLeft();
    }

    private void assertNothingLeft() {
        assertThat(host.linkByName(VETH)).isEmpty();
        assertThat(host.routes(IpFamily.V4)).isEmpty();
        assertThat(access.pod("pod1").links()).extracting(Link::name).containsExactly("lo");
    }

    @Test
    void aRouteHeldByAnotherInterfaceIsRefusedAndRolledBack() {
        host.addVeth(VethSpec.of("caliother000000", "peer0"));
        host.setLinkUp("caliother000000");
        host.addRoute(Route.to(parse("10.244.0.5/32")).dev(host.link("caliother000000").index()));

        assertThatThrownBy(() -> wiring.add(spec()))
                .hasMessageContaining("already exists for an interface other than " + VETH + ": caliother000000");
        assertThat(host.linkByName(VETH)).isEmpty();
    }

    @Test
    void aLeftoverVethOfTheSameNameIsReplaced() {
        host.addVeth(VethSpec.of(VETH, "oldpeer"));

        wiring.add(spec());

        assertThat(host.linkByName("oldpeer")).isEmpty();
        assertThat(wiring.check(spec()).ok()).isTrue();
    }

    @Test
    void deleteIsIdempotentAndSurvivesAGoneNamespace() throws IOException {
        wiring.add(spec());

        wiring.delete(spec().ref());
        wiring.delete(spec().ref());
        Files.delete(podPath);
        wiring.delete(spec().ref());

        assertNothingLeft();
    }

    @Test
    void deleteWithoutTheNamespaceStillRemovesTheHostSide() {
        wiring.add(spec());

        wiring.delete(new EndpointRef(VETH, "eth0", java.util.Optional.empty()));

        assertThat(host.linkByName(VETH)).isEmpty();
        assertThat(host.routes(IpFamily.V4)).isEmpty();
    }

    @Test
    void checkNamesWhatIsMissing() {
        wiring.add(spec());
        host.deleteRoute(Route.to(parse("10.244.0.5/32")).dev(host.link(VETH).index()));
        access.pod("pod1").setLinkDown("eth0");

        assertThat(wiring.check(spec()).problems()).containsExactlyInAnyOrder(
                "host route 10.244.0.5/32 dev " + VETH + ": missing",
                "container interface eth0: down");
        assertThatThrownBy(() -> wiring.check(spec()).requireOk()).hasMessageContaining("10.244.0.5/32");
    }

    @Test
    void specForcesHostPrefixes() {
        EndpointSpec spec = EndpointSpec.of(VETH, "eth0", podPath,
                List.of(IpPrefix.parse("10.244.0.5/26"), IpPrefix.parse("fd00:10::5/122")));
        assertThat(spec.addresses()).containsExactly(parse("10.244.0.5/32"), parse("fd00:10::5/128"));
        assertThat(spec.hasIpv4() && spec.hasIpv6()).isTrue();
        assertThatThrownBy(() -> EndpointSpec.of(VETH, "eth0", podPath, List.of()))
                .hasMessageContaining("no addresses");
    }
}
