package dev.calyx.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchEvent;
import dev.calyx.datastore.WatchListener;
import dev.calyx.testkit.EtcdCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Datastore throughput and watch latency, for one backend:
 * <pre>
 *   java -cp 'calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/*' dev.calyx.bench.DatastoreBench \
 *        [embedded | embedded:/path/file.db | etcd | etcd:http://127.0.0.1:2379] [puts] [casSeconds] [watchEvents]
 * </pre>
 * {@code etcd} alone starts a throwaway one-member etcd ({@link EtcdCluster}: Debian's /usr/bin/etcd on a free
 * loopback port, temp data dir) for the run and removes it afterwards.
 * Measures: sequential durable puts/s; compare-and-swap/s with 8 writers on 64 keys (each a get + update,
 * retried on conflict); watch delivery latency p50/p99 from just before put() to the listener, for a watch on
 * the writing client and (second figure) on another client of the same store (for the embedded store that
 * path is the cross-process one: SQLite polling, no in-process signal).
 *
 * <p>Anchor, measured in the same run: a bare JDBC INSERT into SQLite with WAL + synchronous=FULL on the same
 * disk, i.e. the cost of one durable commit here. Ratios are printed against it.
 */
public final class DatastoreBench {
    private static final int CAS_WRITERS = 8;
    private static final int CAS_KEYS = 64;
    private static final byte[] VALUE = "x".repeat(200).getBytes(UTF_8);

    private DatastoreBench() {}

    public static void main(String[] args) throws Exception {
        String backend = args.length > 0 ? args[0] : "embedded";
        int puts = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int casSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int watchEvents = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        Path tmp = Files.createTempDirectory("calyx-bench-ds");
        try (EtcdCluster etcd = backend.equals("etcd") ? EtcdCluster.start() : null) {
            if (etcd != null) {
                backend = etcd.datastoreSpec();
            }
            Supplier<KvStore> open = opener(backend, tmp);
            String prefix = "/bench/" + Long.toHexString(System.nanoTime()) + "/";
            try (KvStore store = open.get(); KvStore other = open.get()) { // fails fast on a bad backend
                double anchorMs = anchorDurableInsertMs(tmp.resolve("anchor.db"), puts);
                System.out.printf(Locale.ROOT, "datastore bench: backend %s, %d puts, CAS %d s x %d writers on %d "
                        + "keys, %d watch events%n", backend, puts, casSeconds, CAS_WRITERS, CAS_KEYS, watchEvents);
                System.out.printf(Locale.ROOT, "anchor  bare SQLite durable INSERT (WAL, synchronous=FULL): %.3f ms"
                        + " = %.0f/s%n", anchorMs, 1000 / anchorMs);
                double putMs = sequentialPutsMs(store, prefix + "put/", puts);
                System.out.printf(Locale.ROOT, "put     %.3f ms = %.0f puts/s  (x%.2f anchor)%n", putMs, 1000 / putMs,
                        putMs / anchorMs);
                casPerSecond(List.of(store, other), prefix + "cas/", casSeconds);
                watchLatency(store, store, prefix + "watch-local/", watchEvents, "same client");
                watchLatency(store, other, prefix + "watch-other/", watchEvents, "other client");
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static Supplier<KvStore> opener(String backend, Path tmp) {
        String spec = backend.equals("embedded") ? "embedded:" + tmp.resolve("bench.db") : backend;
        DatastoreConfig config = DatastoreConfig.parse(spec);
        return () -> KvStores.open(config);
    }

    private static double anchorDurableInsertMs(Path file, int n) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE t (k TEXT, v BLOB)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < n / 10; i++) { // warm-up
                    ps.setString(1, "w" + i);
                    ps.setBytes(2, VALUE);
                    ps.executeUpdate();
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "k" + i);
                    ps.setBytes(2, VALUE);
                    ps.executeUpdate();
                }
                return (System.nanoTime() - t0) / 1e6 / n;
            }
        }
    }

    private static double sequentialPutsMs(KvStore store, String prefix, int n) {
        for (int i = 0; i < n / 10; i++) {
            store.put(prefix + "warm/" + i, VALUE);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            store.put(prefix + i, VALUE);
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    private static void casPerSecond(List<KvStore> clients, String prefix, int seconds) throws InterruptedException {
        for (int k = 0; k < CAS_KEYS; k++) {
            clients.getFirst().put(prefix + k, "0".getBytes(UTF_8));
        }
        AtomicLong done = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < CAS_WRITERS; w++) {
            KvStore s = clients.get(w % clients.size());
            writers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    String key = prefix + ThreadLocalRandom.current().nextInt(CAS_KEYS);
                    KeyValue kv = s.get(key).orElseThrow();
                    byte[] next = Long.toString(Long.parseLong(kv.valueAsString()) + 1).getBytes(UTF_8);
                    try {
                        s.update(key, next, kv.modRevision());
                        done.incrementAndGet();
                    } catch (CasConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }
            }));
        }
        long t0 = System.nanoTime();
        for (Thread t : writers) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long total = clients.getFirst().list(prefix).items().stream()
                .mapToLong(kv -> Long.parseLong(kv.valueAsString())).sum();
        System.out.printf(Locale.ROOT, "cas     %.0f successful CAS/s, %.1f%% conflicts (%d writers, 2 clients;"
                        + " sum check %s)%n", done.get() / secs,
                100.0 * conflicts.get() / Math.max(1, done.get() + conflicts.get()), CAS_WRITERS,
                total == done.get() ? "ok" : "MISMATCH " + total + " != " + done.get());
    }

    private static void watchLatency(KvStore writer, KvStore watcher, String prefix, int n, String label)
            throws InterruptedException {
        long[] latencies = new long[n];
        CountDownLatch all = new CountDownLatch(n);
        AtomicLong index = new AtomicLong();
        try (Watch w = watcher.watch(prefix, writer.currentRevision(), new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                long now = System.nanoTime();
                for (WatchEvent e : events) {
                    if (e instanceof WatchEvent.Put p) {
                        long sent = Long.parseLong(p.current().valueAsString());
                        latencies[(int) index.getAndIncrement()] = now - sent;
                        all.countDown();
                    }
                }
            }

            @Override
            public void onError(DatastoreException error) {
                System.err.println("watch failed: " + error.getMessage());
            }
        })) {
            for (int i = 0; i < n; i++) {
                writer.put(prefix + i, Long.toString(System.nanoTime()).getBytes(UTF_8));
                Thread.sleep(0, 200_000); // paced: latency, not queueing behind a burst
            }
            if (!all.await(60, TimeUnit.SECONDS)) {
                System.out.println("watch   " + label + ": only " + (n - all.getCount()) + " of " + n + " events");
                return;
            }
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "watch   %-12s p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", label,
                latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6, latencies[n - 1] / 1e6);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
