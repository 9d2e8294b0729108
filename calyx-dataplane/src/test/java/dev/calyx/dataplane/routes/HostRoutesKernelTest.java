package dev.calyx.dataplane.routes;

import dev.calyx.testkit.Exec;
import dev.calyx.dataplane.testing.ScratchNamespaces;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation on the real kernel, in a scratch namespace: only proto-80 routes are ever touched. */
@Tag("kernel")
class HostRoutesKernelTest {
    private final ScratchNamespaces namespaces = new ScratchNamespaces();
    private Netns host;
    private FfmRtNetlink nl;

    @BeforeEach
    void setUp() {
        host = namespaces.create();
        nl = FfmRtNetlink.openIn(host);
        for (String name : new String[] {"caliaaaaaaaaaaa", "calibbbbbbbbbbb"}) {
            nl.addVeth(VethSpec.of(name, "p" + name.substring(4, 9)));
            nl.setLinkUp(name);
            nl.setLinkUp("p" + name.substring(4, 9));
        }
    }

    @AfterEach
    void tearDown() {
        if (nl != null) {
            nl.close();
        }
        namespaces.close();
    }

    @Test
    void addsRemovesAndReplacesOnlyOwnedRoutes() {
        Exec.ip(host.name(), "route", "add", "10.9.9.9/32", "dev", "calibbbbbbbbbbb");          // someone else's
        Exec.ip(host.name(), "route", "add", "10.244.0.7/32", "dev", "calibbbbbbbbbbb", "proto", "80"); // stale
        Exec.ip(host.name(), "route", "add", "10.244.0.8/32", "dev", "calibbbbbbbbbbb", "proto", "80"); // wrong dev
        HostRoutes routes = new HostRoutes(nl);
        routes.set(parse("10.244.0.5/32"), "caliaaaaaaaaaaa");
        routes.set(parse("10.244.0.8/32"), "caliaaaaaaaaaaa");
        routes.set(parse("fd00:10::5/128"), "caliaaaaaaaaaaa");

        ReconcileResult result = routes.reconcile();

        assertThat(result.converged()).isTrue();
        assertThat(result.added()).hasSize(2);
        assertThat(result.replaced()).hasSize(1);
        assertThat(result.removed()).singleElement().extracting(r -> r.destination().toString())
                .isEqualTo("10.244.0.7/32");
        String v4 = Exec.ip(host.name(), "route", "show");
        assertThat(v4).contains("10.9.9.9 dev calibbbbbbbbbbb scope link",
                "10.244.0.5 dev caliaaaaaaaaaaa proto 80 scope link",
                "10.244.0.8 dev caliaaaaaaaaaaa proto 80 scope link").doesNotContain("10.244.0.7");
        assertThat(Exec.ip(host.name(), "-6", "route", "show", "proto", "80"))
                .contains("fd00:10::5 dev caliaaaaaaaaaaa");
        assertThat(routes.reconcile().unchanged()).as("second pass is a no-op").isTrue();
    }

    @Test
    void aRouteDeletedBehindItsBackComesBack() {
        HostRoutes routes = new HostRoutes(nl);
        routes.set(parse("10.244.0.5/32"), "caliaaaaaaaaaaa");
        routes.reconcile();

        Exec.ip(host.name(), "route", "del", "10.244.0.5/32");

        assertThat(routes.reconcile().added()).hasSize(1);
        assertThat(Exec.ip(host.name(), "route", "show", "10.244.0.5/32")).contains("dev caliaaaaaaaaaaa");
    }
}
