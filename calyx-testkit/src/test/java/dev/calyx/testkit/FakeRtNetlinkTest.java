package dev.calyx.testkit;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.EventGroup;
import dev.calyx.kernel.netlink.FdbEntry;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.MacAddress;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Neighbor;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtEvent;
import dev.calyx.kernel.netlink.Subscription;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netlink.VxlanSpec;
import dev.calyx.kernel.sys.Errno;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static dev.calyx.kernel.netlink.IpPrefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeRtNetlinkTest {
    private final FakeRtNetlink nl = new FakeRtNetlink();

    @Test
    void startsWithLoopbackAndAssignsIndexes() {
        nl.addVeth(VethSpec.of("vA", "vB"));

        assertThat(nl.links()).extracting(Link::name, Link::index)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lo", 1),
                        org.assertj.core.groups.Tuple.tuple("vA", 2), org.assertj.core.groups.Tuple.tuple("vB", 3));
        assertThat(nl.link("vA").parentIndex()).isEqualTo(3);
        assertThatThrownBy(() -> nl.addVeth(VethSpec.of("vA", "vX")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isExists()).isTrue());
    }

    @Test
    void kernelLikeErrorsOnMissingObjects() {
        assertThatThrownBy(() -> nl.deleteLink("nope"))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isNotFound()).isTrue())
                .hasMessage("delete link nope: No such device (ENODEV)");
        assertThatThrownBy(() -> nl.deleteRoute(Route.to(parse("10.0.0.0/8"))))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
        assertThatThrownBy(() -> nl.addAddress(Address.of(42, "10.0.0.1/24")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
    }

    @Test
    void routesFollowKernelRules() {
        nl.addVeth(VethSpec.of("cali1234", "eth0"));
        int cali = nl.link("cali1234").index();
        Route host = Route.to(parse("10.244.0.5/32")).dev(cali);

        assertThatThrownBy(() -> nl.addRoute(host)).hasMessageContaining("Network is down (ENETDOWN)");
        nl.setLinkUp("cali1234");
        nl.addRoute(host);
        assertThatThrownBy(() -> nl.addRoute(host)).hasMessage("add route 10.244.0.5/32 dev cali1234: "
                + "File exists (EEXIST)");
        nl.replaceRoute(host.protocol(99));
        assertThat(nl.routes(IpFamily.V4)).containsExactly(host.protocol(99));
        nl.addRoute(Route.blackhole(parse("10.244.0.0/26")));

        nl.deleteLink("cali1234");
        assertThat(nl.routes(IpFamily.V4)).as("routes through the link are flushed")
                .containsExactly(Route.blackhole(parse("10.244.0.0/26")));
    }

    @Test
    void addressesNeighboursAndFdb() {
        nl.addVxlan(VxlanSpec.of("vxlan.calico", 4096));
        int vx = nl.link("vxlan.calico").index();
        MacAddress mac = MacAddress.parse("66:00:00:00:00:02");

        nl.addAddress(Address.of(vx, "10.244.1.0/32"));
        nl.addNeighbor(Neighbor.permanent(vx, parseAddress("10.244.2.0"), mac));
        nl.addFdbEntry(FdbEntry.vxlan(vx, mac, parseAddress("192.168.0.2")));
        nl.replaceFdbEntry(FdbEntry.vxlan(vx, mac, parseAddress("192.168.0.3")));

        assertThat(nl.link("vxlan.calico").vxlan()).hasValueSatisfying(s -> assertThat(s.vni()).isEqualTo(4096));
        assertThat(nl.addresses(vx)).containsExactly(Address.of(vx, "10.244.1.0/32"));
        assertThat(nl.neighbors(IpFamily.V4)).hasSize(1);
        assertThat(nl.fdbEntries(vx)).containsExactly(FdbEntry.vxlan(vx, mac, parseAddress("192.168.0.3")));
        assertThatThrownBy(() -> nl.addAddress(Address.of(vx, "10.244.1.0/32")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isExists()).isTrue());
        assertThatThrownBy(() -> nl.deleteAddress(Address.of(vx, "10.9.9.9/32")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void injectedFailuresHitOnceAndAreCounted() {
        nl.failNext(FakeOp.ADD_VETH, Errno.EBUSY);

        assertThatThrownBy(() -> nl.addVeth(VethSpec.of("vA", "vB")))
                .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY))
                .hasMessageContaining("add veth vA peer vB: Device or resource busy (EBUSY)");
        assertThat(nl.links()).hasSize(1);
        nl.addVeth(VethSpec.of("vA", "vB"));
        assertThat(nl.calls(FakeOp.ADD_VETH)).isEqualTo(2);
        assertThat(nl.mutatingCalls()).isEqualTo(2);
        nl.resetCalls();
        assertThat(nl.calls(FakeOp.ADD_VETH)).isZero();
    }

    @Test
    void subscribersSeeMatchingEventsUntilClosed() {
        List<RtEvent> seen = new ArrayList<>();
        Subscription sub = nl.subscribe(EnumSet.of(EventGroup.LINK), seen::add);
        nl.addVeth(VethSpec.of("vA", "vB"));
        nl.setLinkUp("vA");
        nl.addRoute(Route.to(parse("10.1.0.0/16")).dev(nl.link("vA").index()));

        assertThat(seen).hasSize(3).allMatch(e -> e instanceof RtEvent.LinkUpdate);
        sub.close();
        nl.deleteLink("vA");
        assertThat(seen).hasSize(3);
    }
}
