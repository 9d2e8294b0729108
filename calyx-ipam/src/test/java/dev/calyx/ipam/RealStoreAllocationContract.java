package dev.calyx.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * IPAM against a real backend, shared by the embedded and etcd variants: many allocators at once (threads with their
 * own store connections, acting as nodes), and an allocator process killed with SIGKILL mid-run.
 */
abstract class RealStoreAllocationContract {
    static final int NODES = 8;
    static final int PER_NODE = 100;
    static final String POOL = "{\"metadata\":{\"name\":\"default-ipv4-ippool\"},"
            + "\"spec\":{\"cidr\":\"%s\",\"blockSize\":26}}";

    /** The datastore spec of a fresh, empty store for this test. */
    abstract String spec();

    KvStore open() {
        return KvStores.open(DatastoreConfig.parse(spec()));
    }

    void seed(KvStore kv, int nodes) {
        seed(kv, nodes, "10.128.0.0/16");
    }

    void seed(KvStore kv, int nodes, String poolCidr) {
        kv.put(IpamKeys.IPPOOLS + "default-ipv4-ippool", POOL.formatted(poolCidr).getBytes(StandardCharsets.UTF_8));
        for (int n = 0; n < nodes; n++) {
            kv.put(IpamKeys.node("n" + n), NodeDirectory.nodeResource("n" + n, Map.of()));
        }
    }

    @Test
    void concurrentNodesNeverGetTheSameAddressAndBookkeepingAgrees() throws Exception {
        try (KvStore kv = open()) {
            seed(kv, NODES);
        }
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        Map<String, List<IpAddr>> byNode = new HashMap<>();
        try {
            List<Future<List<IpAddr>>> futures = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                String node = "n" + n;
                futures.add(pool.submit(() -> allocate(node, PER_NODE)));
            }
            for (int n = 0; n < NODES; n++) {
                byNode.put("n" + n, futures.get(n).get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        List<IpAddr> all = byNode.values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(NODES * PER_NODE).doesNotHaveDuplicates();
        try (KvStore kv = open()) {
            IpamClient ipam = IpamClient.over(kv);
            IpamReport report = new IpamCheck(ipam.store(), InstantSource.system()).run();
            assertThat(report.findings()).isEmpty();
            assertThat(report.allocations()).isEqualTo(NODES * PER_NODE);
            assertThat(report.handles()).isEqualTo(NODES * PER_NODE);
            for (var e : byNode.entrySet()) {
                for (IpAddr ip : e.getValue()) {
                    IpamClient.AddressInfo info = ipam.lookup(ip).orElseThrow();
                    assertThat(info.affinity()).as("block of %s", ip).isEqualTo("host:" + e.getKey());
                    assertThat(info.attribute().activeOwnerAttrs()).containsEntry("node", e.getKey());
                    assertThat(ipam.ipsByHandle(info.attribute().handleId())).containsExactly(ip);
                }
            }
        }
    }

    @Test
    void allocatorsRacingOnOneNodesBlocksStillNeverShareAnAddress() throws Exception {
        try (KvStore kv = open()) {
            seed(kv, 1);
        }
        int threads = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<IpAddr> all = new ArrayList<>();
        try {
            List<Future<List<IpAddr>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t;
                futures.add(pool.submit(() -> allocate("n0", prefix, each)));
            }
            for (Future<List<IpAddr>> f : futures) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(threads * each).doesNotHaveDuplicates();
        try (KvStore kv = open()) {
            IpamReport report = new IpamCheck(new IpamStore(kv), InstantSource.system()).run();
            assertThat(report.findings()).isEmpty();
            assertThat(report.allocations()).isEqualTo(threads * each);
            // 100 addresses from /26 blocks: two blocks, all the node's; the per-node lock stops racing claims.
            assertThat(new IpamStore(kv).affinities("n0", IpFamily.V4)).hasSize(2);
        }
    }

    @Test
    void nodesBorrowingFromEachOthersBlocksInATinyPoolNeverShareAnAddress() throws Exception {
        try (KvStore kv = open()) {
            seed(kv, NODES, "10.77.0.0/24"); // 4 blocks for 8 nodes: half of them must borrow
        }
        int each = 30;
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        List<IpAddr> all = new ArrayList<>();
        try {
            List<Future<List<IpAddr>>> futures = new ArrayList<>();
            for (int n = 0; n < NODES; n++) {
                String node = "n" + n;
                futures.add(pool.submit(() -> allocate(node, each)));
            }
            for (Future<List<IpAddr>> f : futures) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(NODES * each).doesNotHaveDuplicates();
        try (KvStore kv = open()) {
            IpamClient ipam = IpamClient.over(kv);
            IpamReport report = new IpamCheck(ipam.store(), InstantSource.system()).run();
            assertThat(report.findings()).isEmpty();
            assertThat(report.allocations()).isEqualTo(NODES * each);
            assertThat(report.blocks()).isEqualTo(4);
            ipam.assign(AssignRequest.ipv4("last", "n0", 256 - NODES * each, Map.of()));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> ipam.assign(AssignRequest.ipv4("one-too-many", "n1", 1, Map.of())))
                    .isInstanceOf(IpamExhaustedException.class)
                    .hasMessageContaining("pool default-ipv4-ippool (10.77.0.0/24): 4 blocks all claimed, "
                            + "0 free addresses in them");
        }
    }

    private List<IpAddr> allocate(String node, int count) {
        return allocate(node, node, count);
    }

    private List<IpAddr> allocate(String node, String handlePrefix, int count) {
        try (KvStore kv = open()) {
            IpamClient ipam = IpamClient.over(kv);
            List<IpAddr> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.addAll(ipam.assign(AssignRequest.ipv4(handlePrefix + "-h" + i, node, 1, Map.of("node", node)))
                        .ipv4());
            }
            return out;
        }
    }

    @Test
    void anAllocatorKilledMidRunLeavesNothingLeakedOrDoubledAfterCheckAndGc() throws Exception {
        try (KvStore kv = open()) {
            seed(kv, 2);
        }
        Process victim = startAllocator("n0", 1000);
        Process bystander = startAllocator("n1", 40);
        try {
            awaitAssigned(victim, 25);
            victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no cleanup
            victim.waitFor(30, TimeUnit.SECONDS);
            assertThat(bystander.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(bystander.exitValue()).isZero();
        } finally {
            victim.destroyForcibly();
            bystander.destroyForcibly();
        }
        try (KvStore kv = open()) {
            IpamClient ipam = IpamClient.over(kv);
            IpamGc gc = new IpamGc(ipam, InstantSource.system(), Duration.ZERO);
            gc.runClusterWide();
            IpamReport after = new IpamCheck(ipam.store(), InstantSource.system()).run();
            assertThat(after.findings()).as("findings after GC").isEmpty();
            Set<String> endpointIps = new HashSet<>();
            int endpoints = 0;
            for (var v : kv.list(IpamKeys.WORKLOAD_ENDPOINTS).items()) {
                endpoints++;
                String ip = IpamJson.tree(v.key(), v.value()).path("spec").path("ipNetworks").get(0).asText()
                        .split("/")[0];
                assertThat(endpointIps.add(ip)).as("address %s given to two pods", ip).isTrue();
                assertThat(ipam.lookup(IpAddr.parse(ip)).orElseThrow().attribute()).as("%s still allocated", ip)
                        .isNotNull();
            }
            assertThat(endpoints).isGreaterThanOrEqualTo(25 + 40);
            assertThat(after.allocations()).as("every allocation has a pod, every pod an allocation")
                    .isEqualTo(endpoints);
        }
    }

    private Process startAllocator(String node, int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), AllocatorProcess.class.getName(), spec(), node,
                Integer.toString(count));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Reads the child's "assigned N" lines until N reaches {@code n}; fails with its output if it dies first. */
    private static void awaitAssigned(Process p, int n) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        AtomicInteger count = new AtomicInteger();
        String line;
        while ((line = r.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("assigned ") && count.incrementAndGet() >= n) {
                return;
            }
        }
        throw new AssertionError("allocator exited before assigning " + n + " addresses:\n" + seen);
    }
}
