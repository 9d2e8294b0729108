package dev.calyx.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * podman 4 (CNI backend) → the installed calyx plugin (real shim) → a real agent process, in a scratch host
 * namespace ({@link PodmanHarness}). The shim is built once for the class. The create/remove test runs the
 * issue's 200 cycles (about 4 minutes here); {@code -Dcalyx.e2e.cycles=N} changes the count for a longer soak or a
 * quick local run.
 */
@Tag("e2e")
@Tag("kernel")
class PodmanE2eTest {
    static Path shimDir;
    @TempDir Path tmp;
    PodmanHarness h;

    @BeforeAll
    static void buildShim() throws Exception {
        shimDir = Files.createTempDirectory("calyx-t-pm-shim");
    }

    @AfterAll
    static void removeShim() throws Exception {
        PodmanHarness.exec("rm", "-rf", shimDir.toString());
    }

    @BeforeEach
    void up() throws Exception {
        h = new PodmanHarness(tmp, shimDir);
        h.install();
        h.startAgent();
    }

    @AfterEach
    void down() throws Exception {
        h.close();
    }

    @Test
    void twoContainersPingEachOtherAndTheHost() throws Exception {
        String a = h.run("pm-a");
        String b = h.run("pm-b");
        assertThat(a).startsWith("10.77.").isNotEqualTo(b);
        assertThat(h.podman.call("exec", "pm-a", "ping", "-c", "1", "-W", "5", b).ok()).as("a -> b").isTrue();
        assertThat(h.podman.call("exec", "pm-b", "ping", "-c", "1", "-W", "5", PodmanHarness.UPLINK_IP).ok())
                .as("b -> host").isTrue();
        h.inNs("busybox", "ping", "-c", "1", "-W", "5", a); // host -> a; throws on failure (no iputils here)
        assertThat(h.caliLinks()).hasSize(2);
        assertThat(h.calyxRoutes()).hasSize(2).anyMatch(r -> r.startsWith(a + " dev cali"));
    }

    @Test
    void removalReleasesTheAddressAndRemovesVethAndRoute() throws Exception {
        h.run("pm-c");
        assertThat(h.ipsInUse()).isEqualTo(1);
        assertThat(h.workloadEndpoints()).contains("pm--c");
        h.rm("pm-c");
        assertThat(h.caliLinks()).isEmpty();
        assertThat(h.calyxRoutes()).isEmpty();
        assertThat(h.ipsInUse()).isZero();
        assertThat(h.workloadEndpoints()).isEmpty();
    }

    @Test
    void createRemoveCyclesLeaveNothingBehind() throws Exception {
        int cycles = Integer.getInteger("calyx.e2e.cycles", 200);
        for (int i = 0; i < cycles; i++) {
            h.run("pm-cycle");
            h.rm("pm-cycle");
        }
        assertThat(h.caliLinks()).isEmpty();
        assertThat(h.calyxRoutes()).isEmpty();
        assertThat(h.ipsInUse()).isZero();
        assertThat(h.workloadEndpoints()).isEmpty();
    }

    @Test
    void sixteenParallelContainersGetDistinctAddresses() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> ips = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = "pm-par-" + i;
                ips.add(pool.submit(() -> h.run(name)));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> f : ips) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(16);
            assertThat(h.caliLinks()).hasSize(16);
            assertThat(h.ipsInUse()).isEqualTo(16);
        } finally {
            pool.shutdownNow();
        }
        h.podman.require("rm", "-a", "-f", "-t", "0");
        assertThat(h.caliLinks()).isEmpty();
        assertThat(h.ipsInUse()).isZero();
    }

    @Test
    void agentRestartUnderRunningContainers() throws Exception {
        h.run("pm-r1");
        String b = h.run("pm-r2");
        h.stopAgent();
        h.startAgent();
        assertThat(h.podman.call("exec", "pm-r1", "ping", "-c", "1", "-W", "5", b).ok())
                .as("connectivity after restart").isTrue();
        assertThat(h.caliLinks()).hasSize(2);
        h.rm("pm-r1", "pm-r2");
        assertThat(h.caliLinks()).isEmpty();
        assertThat(h.calyxRoutes()).isEmpty();
        assertThat(h.ipsInUse()).isZero();
    }
}
