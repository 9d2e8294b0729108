package dev.calyx.bench;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.ipam.AssignRequest;
import dev.calyx.ipam.IpamCheck;
import dev.calyx.ipam.IpamClient;
import dev.calyx.ipam.IpamKeys;
import dev.calyx.ipam.IpamReport;
import dev.calyx.ipam.IpamStore;
import dev.calyx.ipam.NodeDirectory;
import dev.calyx.testkit.EtcdCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * IPAM assignment throughput: one node alone, then N nodes at once, on the embedded store and on a real etcd, in
 * one run. Each backend's anchor is its own raw {@code put} rate measured just before, so the printed ratio
 * ("store writes per assignment") travels between machines better than the absolute figure.
 *
 * <p>Usage: {@code IpamBench [perNode=500] [nodes=8]}
 */
public final class IpamBench {
    private IpamBench() {}

    record Result(String backend, double putsPerSec, double oneNodePerSec, double manyNodesPerSec, int nodes,
                  int perNode) {}

    public static void main(String[] args) throws Exception {
        int perNode = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Result> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("calyx-ipam-bench-");
        try {
            results.add(run("embedded", () -> "embedded:" + dir.resolve("calyx-" + System.nanoTime() + ".db"),
                    perNode, nodes));
            try (EtcdCluster etcd = EtcdCluster.start()) {
                int[] round = {0};
                // One etcd for all rounds; each round gets its own key prefix space by wiping IPAM keys first.
                results.add(run("etcd", () -> {
                    wipe(etcd.datastoreSpec(), round[0]++);
                    return etcd.datastoreSpec();
                }, perNode, nodes));
            }
        } finally {
            deleteTree(dir);
        }
        System.out.println();
        System.out.printf("%-9s %12s %16s %18s %22s%n", "backend", "raw put/s", "1 node assign/s",
                nodes + " nodes assign/s", "puts-per-assign (1|" + nodes + ")");
        for (Result r : results) {
            System.out.printf("%-9s %12.0f %16.1f %18.1f %15.1f | %.1f%n", r.backend(), r.putsPerSec(),
                    r.oneNodePerSec(), r.manyNodesPerSec(), r.putsPerSec() / r.oneNodePerSec(),
                    r.putsPerSec() / r.manyNodesPerSec());
        }
    }

    interface SpecSupplier {
        String next() throws Exception;
    }

    private static Result run(String backend, SpecSupplier specs, int perNode, int nodes) throws Exception {
        double puts = rawPutRate(specs.next(), 2000);
        double one = assignRate(specs.next(), 1, perNode);
        double many = assignRate(specs.next(), nodes, perNode);
        System.out.printf("%s: raw put %.0f/s, 1 node %.1f assign/s, %d nodes %.1f assign/s%n", backend, puts, one,
                nodes, many);
        return new Result(backend, puts, one, many, nodes, perNode);
    }

    private static double rawPutRate(String spec, int n) {
        try (KvStore kv = KvStores.open(DatastoreConfig.parse(spec))) {
            byte[] v = "{\"anchor\":true}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
                kv.put("/bench/warm/" + i, v);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                kv.put("/bench/anchor/" + i, v);
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /** {@code nodes} threads, each its own store connection and node, each assigning {@code perNode} addresses. */
    private static double assignRate(String spec, int nodes, int perNode) throws Exception {
        try (KvStore kv = KvStores.open(DatastoreConfig.parse(spec))) {
            String pool = "{\"metadata\":{\"name\":\"bench\"},\"spec\":{\"cidr\":\"10.96.0.0/12\",\"blockSize\":26}}";
            kv.put(IpamKeys.IPPOOLS + "bench", pool.getBytes(StandardCharsets.UTF_8));
            for (int n = 0; n < nodes; n++) {
                kv.put(IpamKeys.node("bench-" + n), NodeDirectory.nodeResource("bench-" + n, Map.of()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        long t0 = System.nanoTime();
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                String node = "bench-" + n;
                fs.add(pool.submit(() -> {
                    try (KvStore kv = KvStores.open(DatastoreConfig.parse(spec))) {
                        IpamClient ipam = IpamClient.over(kv);
                        for (int i = 0; i < perNode; i++) {
                            ipam.assign(AssignRequest.ipv4(node + "-" + i, node, 1, Map.of("node", node)));
                        }
                    }
                    return perNode;
                }));
            }
            for (Future<Integer> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = (double) nodes * perNode / ((System.nanoTime() - t0) / 1e9);
        try (KvStore kv = KvStores.open(DatastoreConfig.parse(spec))) {
            IpamReport r = new IpamCheck(new IpamStore(kv), InstantSource.system()).run();
            if (!r.clean() || r.allocations() != nodes * perNode) {
                throw new IllegalStateException("bench run left " + r.allocations() + " allocations (expected "
                        + nodes * perNode + ") and findings " + r.counts());
            }
        }
        return rate;
    }

    private static void wipe(String spec, int round) {
        if (round == 0) {
            return;
        }
        try (KvStore kv = KvStores.open(DatastoreConfig.parse(spec))) {
            for (String prefix : List.of("/calico/", "/bench/", "/calyx/")) {
                kv.list(prefix).items().forEach(v -> kv.delete(v.key(), 0));
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
