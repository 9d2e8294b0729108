package dev.calyx.dataplane.routes;

import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.Rtprot;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.sys.Errno;
import dev.calyx.testkit.FakeOp;
import dev.calyx.testkit.FakeRtNetlink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation logic against the in-memory kernel: ownership by protocol, convergence, failures isolated. */
class HostRoutesTest {
    private final FakeRtNetlink kernel = new FakeRtNetlink();
    private final HostRoutes routes = new HostRoutes(kernel);
    private int caliA;
    private int caliB;

    @BeforeEach
    void links() {
        for (String name : List.of("caliaaaaaaaaaaa", "calibbbbbbbbbbb")) {
            kernel.addVeth(VethSpec.of(name, "p" + name.substring(4, 8)));
            kernel.setLinkUp(name);
        }
        caliA = kernel.link("caliaaaaaaaaaaa").index();
        caliB = kernel.link("calibbbbbbbbbbb").index();
    }

    @Test
    void addsMissingRoutesThenChangesNothing() {
        routes.set(parse("10.244.0.5/32"), "caliaaaaaaaaaaa");
        routes.set(parse("fd00:10::5/128"), "caliaaaaaaaaaaa");

        ReconcileResult first = routes.reconcile();
        ReconcileResult second = routes.reconcile();

        assertThat(first.added()).hasSize(2);
        assertThat(first.converged()).isTrue();
        assertThat(second.unchanged()).isTrue();
        assertThat(kernel.routes(IpFamily.V4))
                .containsExactly(OwnedRoutes.workloadRoute(parse("10.244.0.5/32"), caliA));
    }

    @Test
    void replacesAnOwnedRouteThatPointsAtTheWrongVeth() {
        kernel.addRoute(OwnedRoutes.workloadRoute(parse("10.244.0.5/32"), caliB));
        routes.set(parse("10.244.0.5/32"), "caliaaaaaaaaaaa");

        ReconcileResult result = routes.reconcile();

        assertThat(result.replaced()).hasSize(1);
        assertThat(kernel.routes(IpFamily.V4)).singleElement().extracting(Route::linkIndex).isEqualTo(caliA);
    }

    @Test
    void removesStaleOwnedRoutesButNeverForeignOnes() {
        Route foreign = Route.to(parse("10.9.9.9/32")).dev(caliB).protocol(Rtprot.BOOT);
        Route stale = OwnedRoutes.workloadRoute(parse("10.244.0.7/32"), caliB);
        kernel.addRoute(foreign);
        kernel.addRoute(stale);

        ReconcileResult result = routes.reconcile();

        assertThat(result.removed()).containsExactly(stale);
        assertThat(kernel.routes(IpFamily.V4)).containsExactly(foreign);
    }

    @Test
    void aForeignRouteHoldingADesiredDestinationIsAConflictNotOverwritten() {
        Route foreign = Route.to(parse("10.244.0.5/32")).dev(caliB).protocol(Rtprot.STATIC);
        kernel.addRoute(foreign);
        routes.set(parse("10.244.0.5/32"), "caliaaaaaaaaaaa");

        ReconcileResult result = routes.reconcile();

        assertThat(result.failed()).singleElement().asString().contains("10.244.0.5/32", "not owned by calyx");
        assertThat(kernel.routes(IpFamily.V4)).containsExactly(foreign);
    }

    @Test
    void routesToMissingVethsArePendingAndAppearOnceTheVethDoes() {
        routes.set(parse("10.244.0.9/32"), "caliccccccccccc");

        assertThat(routes.reconcile().pending()).singleElement().asString().contains("no such link");
        kernel.addVeth(VethSpec.of("caliccccccccccc", "pcccc"));
        kernel.setLinkUp("caliccccccccccc");

        assertThat(routes.reconcile().added()).hasSize(1);
    }

    @Test
    void oneRefusedRouteDoesNotStopTheOthers() {
        routes.set(parse("10.244.0.5/32"), "caliaaaaaaaaaaa");
        routes.set(parse("10.244.0.6/32"), "calibbbbbbbbbbb");
        kernel.failNext(FakeOp.ADD_ROUTE, Errno.ENOBUFS);

        ReconcileResult result = routes.reconcile();

        assertThat(result.failed()).hasSize(1);
        assertThat(result.added()).hasSize(1);
        assertThat(routes.reconcile().added()).as("retried next pass").hasSize(1);
    }

    @Test
    void removingALinksEndpointsDeletesTheirRoutes() {
        routes.set(parse("10.244.0.5/32"), "caliaaaaaaaaaaa");
        routes.set(parse("10.244.0.6/32"), "calibbbbbbbbbbb");
        routes.reconcile();

        routes.removeLink("caliaaaaaaaaaaa");
        ReconcileResult result = routes.reconcile();

        assertThat(result.removed()).extracting(Route::destination).containsExactly(IpPrefix.parse("10.244.0.5/32"));
        assertThat(routes.desired()).containsOnlyKeys(parse("10.244.0.6/32"));
    }
}
