package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.testing.TestNamespaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** One handle shared by many threads: requests are serialized and every reply reaches its own caller. */
@Tag("kernel")
class FfmRtNetlinkConcurrencyTest {
    private final TestNamespaces namespaces = new TestNamespaces();

    @AfterEach
    void cleanUp() {
        namespaces.close();
    }

    @Test
    void concurrentRequestsAndDumpsOnOneHandle() throws Exception {
        Netns ns = namespaces.create();
        try (FfmRtNetlink nl = FfmRtNetlink.openIn(ns);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            nl.addVeth(VethSpec.of("vA", "vB"));
            nl.setLinkUp("vA");
            int vA = nl.link("vA").index();
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int worker = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        Route r = Route.to(parse("10.7" + worker + "." + (i / 250) + "." + (i % 250) + "/32")).dev(vA);
                        nl.addRoute(r);
                        assertThat(nl.link("vA").index()).isEqualTo(vA);
                        nl.deleteRoute(r);
                    }
                    return nl.routes(IpFamily.V4).size();
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isGreaterThanOrEqualTo(0);
            }
            assertThat(nl.routes(IpFamily.V4)).noneMatch(r -> r.destination().toString().startsWith("10.7"));
        }
    }
}
