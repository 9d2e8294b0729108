package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.testing.Ip;
import dev.calyx.kernel.testing.TestNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static dev.calyx.kernel.netlink.IpPrefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("kernel")
class FfmRtNetlinkNeighborEventTest {
    private static final MacAddress MAC = MacAddress.parse("66:77:88:99:aa:bb");
    private final TestNamespaces namespaces = new TestNamespaces();
    private Netns ns;
    private FfmRtNetlink nl;

    @BeforeEach
    void setUp() {
        ns = namespaces.create();
        nl = FfmRtNetlink.openIn(ns);
    }

    @AfterEach
    void tearDown() {
        if (nl != null) {
            nl.close();
        }
        namespaces.close();
    }

    @Test
    void permanentAndProxyNeighbours() {
        nl.addVeth(VethSpec.of("vA", "vB"));
        nl.setLinkUp("vA");
        int vA = nl.link("vA").index();

        nl.addNeighbor(Neighbor.permanent(vA, parseAddress("10.0.0.9"), MAC));
        nl.addNeighbor(Neighbor.proxy(vA, parseAddress("10.0.0.10")));
        nl.replaceNeighbor(Neighbor.permanent(vA, parseAddress("fd00::9"), MAC));

        assertThat(Ip.ip(ns.name(), "neigh", "show", "dev", "vA"))
                .contains("10.0.0.9 lladdr 66:77:88:99:aa:bb PERMANENT");
        assertThat(Ip.ip(ns.name(), "neigh", "show", "proxy")).contains("10.0.0.10 dev vA");
        assertThat(nl.neighbors(IpFamily.V4)).contains(Neighbor.permanent(vA, parseAddress("10.0.0.9"), MAC))
                .anySatisfy(n -> {
                    assertThat(n.isProxy()).isTrue();
                    assertThat(n.address()).isEqualTo(parseAddress("10.0.0.10"));
                });
        assertThat(nl.neighbors(IpFamily.V6)).contains(Neighbor.permanent(vA, parseAddress("fd00::9"), MAC));
        assertThatThrownBy(() -> nl.addNeighbor(Neighbor.permanent(vA, parseAddress("10.0.0.9"), MAC)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isExists()).isTrue())
                .hasMessageStartingWith("add neighbour 10.0.0.9 lladdr 66:77:88:99:aa:bb dev vA: File exists");

        nl.deleteNeighbor(Neighbor.permanent(vA, parseAddress("10.0.0.9"), MAC));
        nl.deleteNeighbor(Neighbor.proxy(vA, parseAddress("10.0.0.10")));
        assertThat(Ip.ip(ns.name(), "neigh", "show", "proxy")).doesNotContain("10.0.0.10");
        assertThatThrownBy(() -> nl.deleteNeighbor(Neighbor.permanent(vA, parseAddress("10.0.0.9"), MAC)))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void vxlanDeviceReadsBackAndTakesFdbEntries() {
        nl.addVeth(VethSpec.of("under0", "under1"));
        int under = nl.link("under0").index();
        nl.addVxlan(VxlanSpec.of("vxlan.calico", 4096).local(parseAddress("192.168.0.1")).parent(under).mtu(1410)
                .mac(MAC));

        Link vx = nl.link("vxlan.calico");
        assertThat(vx.kind()).isEqualTo("vxlan");
        assertThat(vx.type()).isEqualTo(Arphrd.ETHER);
        assertThat(vx.vxlan()).hasValueSatisfying(spec -> {
            assertThat(spec.vni()).isEqualTo(4096);
            assertThat(spec.port()).isEqualTo(4789);
            assertThat(spec.learning()).isFalse();
            assertThat(spec.local()).hasValue(parseAddress("192.168.0.1"));
            assertThat(spec.parentIndex()).isEqualTo(under);
        });
        String details = Ip.ip(ns.name(), "-d", "link", "show", "vxlan.calico");
        assertThat(details).contains("vxlan id 4096 local 192.168.0.1 dev under0").contains("dstport 4789")
                .contains("nolearning").contains("mtu 1410");

        MacAddress remote = MacAddress.parse("66:00:00:00:00:02");
        nl.addFdbEntry(FdbEntry.vxlan(vx.index(), remote, parseAddress("192.168.0.2")));
        assertThat(Ip.run("bridge", "-n", ns.name(), "fdb", "show", "dev", "vxlan.calico").orThrow().out())
                .contains("66:00:00:00:00:02 dst 192.168.0.2 self permanent");
        assertThat(nl.fdbEntries(vx.index())).contains(FdbEntry.vxlan(vx.index(), remote, parseAddress("192.168.0.2")));
        nl.replaceFdbEntry(FdbEntry.vxlan(vx.index(), remote, parseAddress("192.168.0.3")));
        assertThat(nl.fdbEntries(vx.index())).contains(FdbEntry.vxlan(vx.index(), remote, parseAddress("192.168.0.3")));
        nl.deleteFdbEntry(FdbEntry.vxlan(vx.index(), remote, parseAddress("192.168.0.3")));
        assertThat(nl.fdbEntries(vx.index())).noneMatch(e -> e.mac().equals(remote));
    }

    @Test
    void weReadAVxlanDeviceIpCreated() {
        Ip.ip(ns.name(), "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "8472", "local", "10.1.1.1");

        assertThat(nl.link("vx0").vxlan()).hasValueSatisfying(spec -> {
            assertThat(spec.vni()).isEqualTo(42);
            assertThat(spec.port()).isEqualTo(8472);
            assertThat(spec.learning()).isTrue();
            assertThat(spec.local()).hasValue(parseAddress("10.1.1.1"));
        });
    }

    @Test
    void subscriberSeesLinksAddressesAndRoutesChange() throws Exception {
        List<RtEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription ignored = nl.subscribe(EnumSet.allOf(EventGroup.class), events::add)) {
            Ip.ip(ns.name(), "link", "add", "ev0", "type", "veth", "peer", "name", "ev1");
            Ip.ip(ns.name(), "link", "set", "ev0", "up");
            Ip.ip(ns.name(), "addr", "add", "10.3.0.1/24", "dev", "ev0");
            nl.addRoute(Route.to(parse("10.4.0.0/16")).dev(nl.link("ev0").index()));
            nl.deleteLink("ev1");

            awaitEvent(events, e -> e instanceof RtEvent.LinkUpdate u && u.link().name().equals("ev0") && !u.deleted());
            awaitEvent(events, e -> e instanceof RtEvent.AddressUpdate u
                    && u.address().prefix().equals(parse("10.3.0.1/24")));
            awaitEvent(events, e -> e instanceof RtEvent.RouteUpdate u
                    && u.route().destination().equals(parse("10.4.0.0/16")) && !u.deleted());
            awaitEvent(events, e -> e instanceof RtEvent.LinkUpdate u && u.link().name().equals("ev1") && u.deleted());
        }
        int seen = events.size();
        Ip.ip(ns.name(), "link", "add", "late0", "type", "veth", "peer", "name", "late1");
        Thread.sleep(300);
        assertThat(events).as("no delivery after close").hasSize(seen);
    }

    private static void awaitEvent(List<RtEvent> events, Predicate<RtEvent> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (events.stream().anyMatch(match)) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(events).as("expected event never arrived").anyMatch(match);
    }
}
