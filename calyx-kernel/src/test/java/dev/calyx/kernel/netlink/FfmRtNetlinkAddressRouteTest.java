package dev.calyx.kernel.netlink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.testing.Ip;
import dev.calyx.kernel.testing.TestNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static dev.calyx.kernel.netlink.IpPrefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("kernel")
class FfmRtNetlinkAddressRouteTest {
    private final TestNamespaces namespaces = new TestNamespaces();
    private Netns ns;
    private FfmRtNetlink nl;
    private int vA;

    @BeforeEach
    void setUp() {
        ns = namespaces.create();
        nl = FfmRtNetlink.openIn(ns);
        nl.addVeth(VethSpec.of("vA", "vB"));
        nl.setLinkUp("vA");
        nl.setLinkUp("vB");
        vA = nl.link("vA").index();
    }

    @AfterEach
    void tearDown() {
        if (nl != null) {
            nl.close();
        }
        namespaces.close();
    }

    private List<String> ipLines(String... args) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : Ip.json(ns.name(), args)) {
            out.add(n.toString());
        }
        return out;
    }

    @Test
    void addressesV4AndV6RoundTripWithIp() {
        nl.addAddress(Address.of(vA, "10.0.0.1/24"));
        nl.addAddress(Address.of(vA, "fd00::1/64").withFlags(Ifa.F_NODAD));

        JsonNode info = Ip.json(ns.name(), "addr", "show", "dev", "vA").get(0).get("addr_info");
        assertThat(info.toString()).contains("\"local\":\"10.0.0.1\",\"prefixlen\":24")
                .contains("\"local\":\"fd00::1\",\"prefixlen\":64");
        assertThat(nl.addresses(vA)).extracting(Address::prefix)
                .contains(parse("10.0.0.1/24"), parse("fd00::1/64"));
        assertThat(nl.addresses(vA)).filteredOn(a -> a.prefix().equals(parse("fd00::1/64")))
                .singleElement().satisfies(a -> assertThat(a.flags() & Ifa.F_NODAD).isNotZero());

        nl.deleteAddress(Address.of(vA, "10.0.0.1/24"));
        assertThat(nl.addresses(vA)).extracting(Address::prefix).doesNotContain(parse("10.0.0.1/24"));
        assertThatThrownBy(() -> nl.deleteAddress(Address.of(vA, "10.0.0.1/24")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isNotFound()).isTrue())
                .hasMessageStartingWith("delete address 10.0.0.1/24 dev vA: ");
    }

    @Test
    void duplicateAddressIsExists() {
        nl.addAddress(Address.of(vA, "10.0.0.1/24"));
        assertThatThrownBy(() -> nl.addAddress(Address.of(vA, "10.0.0.1/24")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isExists()).isTrue())
                .hasMessageStartingWith("add address 10.0.0.1/24 dev vA: File exists (EEXIST)");
    }

    @Test
    void weReadAddressesIpAdded() {
        Ip.ip(ns.name(), "addr", "add", "192.168.7.9/16", "dev", "vB");
        int vB = nl.link("vB").index();

        assertThat(nl.addresses()).anySatisfy(a -> {
            assertThat(a.linkIndex()).isEqualTo(vB);
            assertThat(a.prefix()).isEqualTo(parse("192.168.7.9/16"));
            assertThat(a.flags() & Ifa.F_PERMANENT).as("kernel marks static addresses permanent").isNotZero();
        });
    }

    @Test
    void deviceRouteLikeCalicosHostRoute() {
        nl.addRoute(Route.to(parse("10.244.0.5/32")).dev(vA));

        assertThat(ipLines("route", "show", "10.244.0.5")).singleElement().asString()
                .contains("\"dev\":\"vA\"").contains("\"scope\":\"link\"");
        assertThat(nl.routes(IpFamily.V4)).contains(Route.to(parse("10.244.0.5/32")).dev(vA));
    }

    @Test
    void duplicateRouteIsExistsWithTheDocumentedMessage() {
        Route route = Route.to(parse("10.244.0.5/32")).dev(vA);
        nl.addRoute(route);

        assertThatThrownBy(() -> nl.addRoute(route))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.isExists()).isTrue();
                    assertThat(e.operation()).isEqualTo("add route");
                    assertThat(e.object()).isEqualTo("10.244.0.5/32 dev vA");
                })
                .hasMessageStartingWith("add route 10.244.0.5/32 dev vA: File exists (EEXIST)");
        nl.replaceRoute(route.metric(0)); // replace converges without error
        nl.deleteRoute(route);
        assertThatThrownBy(() -> nl.deleteRoute(route))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isNotFound()).isTrue())
                .hasMessageStartingWith("delete route 10.244.0.5/32 dev vA: No such process (ESRCH)");
    }

    @Test
    void gatewayRoutesOnlinkAndReplace() {
        nl.addAddress(Address.of(vA, "10.0.0.1/24")); // an onlink gateway must not be local: needs a local table
        nl.addRoute(Route.to(parse("169.254.1.1/32")).dev(vA));
        nl.addRoute(Route.to(parse("0.0.0.0/0")).via(parseAddress("169.254.1.1")).dev(vA));
        nl.addRoute(Route.to(parse("10.9.0.0/16")).via(parseAddress("192.0.2.1")).dev(vA).withOnlink()
                .protocol(Rtprot.STATIC).metric(20));
        nl.replaceRoute(Route.to(parse("10.9.0.0/16")).via(parseAddress("192.0.2.2")).dev(vA).withOnlink()
                .protocol(Rtprot.STATIC).metric(20));

        assertThat(ipLines("route", "show", "default")).singleElement().asString()
                .contains("\"gateway\":\"169.254.1.1\"");
        assertThat(ipLines("route", "show", "10.9.0.0/16")).singleElement().asString()
                .contains("\"gateway\":\"192.0.2.2\"").contains("onlink").contains("\"metric\":20")
                .contains("\"protocol\":\"static\"");
        assertThat(nl.routes(IpFamily.V4)).filteredOn(r -> r.destination().equals(parse("10.9.0.0/16")))
                .singleElement().satisfies(r -> {
                    assertThat(r.onlink()).isTrue();
                    assertThat(r.metric()).isEqualTo(20);
                    assertThat(r.gateway()).hasValue(parseAddress("192.0.2.2"));
                });
    }

    @Test
    void unreachableGatewayCarriesTheKernelsExtendedAck() {
        assertThatThrownBy(() -> nl.addRoute(Route.to(parse("10.9.0.0/16")).via(parseAddress("192.0.2.1"))
                .dev(vA)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.extAck()).isPresent())
                .hasMessageStartingWith("add route 10.9.0.0/16 via 192.0.2.1 dev vA: ");
    }

    @Test
    void blackholeUnreachableTablesAndV6() {
        nl.addRoute(Route.blackhole(parse("10.244.0.0/26")).protocol(Rtprot.BIRD));
        nl.addRoute(Route.unreachable(parse("10.245.0.0/16")).table(100).metric(5));
        nl.addAddress(Address.of(vA, "fd00::1/64").withFlags(Ifa.F_NODAD));
        nl.addRoute(Route.to(parse("fd10::/64")).via(parseAddress("fd00::2")).dev(vA));

        assertThat(ipLines("route", "show", "type", "blackhole")).singleElement().asString()
                .contains("10.244.0.0/26").contains("\"protocol\":\"bird\"");
        assertThat(ipLines("route", "show", "table", "100")).singleElement().asString()
                .contains("unreachable").contains("10.245.0.0/16");
        assertThat(ipLines("-6", "route", "show", "fd10::/64")).singleElement().asString()
                .contains("\"gateway\":\"fd00::2\"");
        List<Route> v4 = nl.routes(IpFamily.V4);
        assertThat(v4).contains(Route.blackhole(parse("10.244.0.0/26")).protocol(Rtprot.BIRD),
                Route.unreachable(parse("10.245.0.0/16")).table(100).metric(5));
        assertThat(nl.routes(IpFamily.V6)).anySatisfy(r -> {
            assertThat(r.destination()).isEqualTo(parse("fd10::/64"));
            assertThat(r.linkIndex()).isEqualTo(vA);
        });

        nl.deleteRoute(Route.unreachable(parse("10.245.0.0/16")).table(100).metric(5));
        nl.deleteRoute(Route.to(parse("fd10::/64")).via(parseAddress("fd00::2")).dev(vA));
        assertThat(ipLines("route", "show", "table", "100")).isEmpty();
    }

    @Test
    void weReadRoutesIpAdded() {
        Ip.ip(ns.name(), "route", "add", "10.50.0.0/24", "dev", "vA", "proto", "static", "metric", "7");

        assertThat(nl.routes(IpFamily.V4)).contains(Route.to(parse("10.50.0.0/24")).dev(vA)
                .protocol(Rtprot.STATIC).metric(7));
    }
}
