package dev.calyx.datastore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KvStore} backend must show, as one suite each backend runs by extending this class
 * (SQLite in this module; etcd in calyx-datastore-etcd, through this module's test-jar).
 *
 * <p>Each test works under its own random key prefix, so a backend may share one server between tests; tests that
 * compact do so only at revisions the test itself wrote. No assertion is timed: waits are generous deadlines
 * ({@link #patience()}) that turn a hang into a failure.
 *
 * <p>Extending: implement {@link #connect()} (a new client on the backend under test; all calls within one test
 * must reach the same data), and optionally {@link #cleanUp()} and the durations. From another module:
 * <pre>{@code
 * <dependency><groupId>dev.calyx</groupId><artifactId>calyx-datastore</artifactId>
 *   <version>${project.version}</version><type>test-jar</type><scope>test</scope></dependency>
 * }</pre>
 * ({@code mvn -pl that-module -am test} resolves it from this module's test classes; no install needed.)
 * {@link RecordingListener} is public for such suites too.
 */
public abstract class KvStoreContract {

    /** Opens a new client on the backend under test. Every call within one test reaches the same data. */
    protected abstract KvStore connect();

    /** Runs after each test, once every client the test opened is closed. */
    protected void cleanUp() {}

    /** The longest any wait in the suite may take before the test fails. */
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    /** TTL for lease tests: at least the backend's minimum TTL (etcd rounds small TTLs up). */
    protected Duration leaseTtl() {
        return Duration.ofSeconds(2);
    }

    protected KvStore store;
    protected String prefix;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void openStore() {
        prefix = "/calyx-contract/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "/";
        store = client();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        opened.clear();
        cleanUp();
    }

    /** Another client on the same data, closed after the test. */
    protected KvStore client() {
        return track(connect());
    }

    protected <T extends AutoCloseable> T track(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    protected String key(String name) {
        return prefix + name;
    }

    // ---- reads and unconditional writes -------------------------------------------------------------------

    @Test
    void getOfAbsentKeyIsEmpty() {
        assertThat(store.get(key("nothing"))).isEmpty();
    }

    @Test
    void putThenGetReturnsValueAndRevisions() {
        KeyValue first = store.put(key("a"), bytes("1"));
        KeyValue second = store.put(key("a"), bytes("2"));

        assertThat(first.createRevision()).isEqualTo(first.modRevision());
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.modRevision()).isGreaterThan(first.modRevision());
        assertThat(second.createRevision()).isEqualTo(first.createRevision());
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.get(key("a"))).contains(second);
        assertThat(store.currentRevision()).isGreaterThanOrEqualTo(second.modRevision());
    }

    @Test
    void listReturnsOnlyKeysUnderThePrefixInKeyOrder() {
        store.put(key("b/2"), bytes("b2"));
        store.put(key("a"), bytes("a"));
        store.put(key("b/1"), bytes("b1"));
        store.put(key("b0"), bytes("not under b/"));
        KeyValue last = store.put(key("c"), bytes("c"));
        store.delete(key("c"), 0);

        ListResult all = store.list(prefix);
        ListResult underB = store.list(key("b/"));

        assertThat(all.items()).extracting(KeyValue::key)
                .containsExactly(key("a"), key("b/1"), key("b/2"), key("b0"));
        assertThat(underB.items()).extracting(KeyValue::valueAsString).containsExactly("b1", "b2");
        assertThat(all.revision()).isGreaterThan(last.modRevision());
    }

    // ---- conditional writes -------------------------------------------------------------------------------

    @Test
    void createRefusesAnExistingKeyAndRecreatesADeletedOne() {
        KeyValue created = store.create(key("k"), bytes("v1"), 0);
        assertThatThrownBy(() -> store.create(key("k"), bytes("v2"), 0)).isInstanceOf(KeyExistsException.class);
        store.delete(key("k"), created.modRevision());

        KeyValue again = store.create(key("k"), bytes("v3"), 0);

        assertThat(again.version()).isEqualTo(1);
        assertThat(again.createRevision()).isEqualTo(again.modRevision()).isGreaterThan(created.modRevision());
        assertThat(store.get(key("k")).orElseThrow().valueAsString()).isEqualTo("v3");
    }

    @Test
    void updateSucceedsOnlyAtTheCurrentModRevision() {
        KeyValue v1 = store.create(key("k"), bytes("v1"), 0);
        KeyValue v2 = store.update(key("k"), bytes("v2"), v1.modRevision());

        assertThatThrownBy(() -> store.update(key("k"), bytes("stale"), v1.modRevision()))
                .isInstanceOf(CasConflictException.class);
        assertThatThrownBy(() -> store.update(key("absent"), bytes("x"), v1.modRevision()))
                .isInstanceOf(KeyNotFoundException.class);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.get(key("k")).orElseThrow().valueAsString()).isEqualTo("v2");
    }

    @Test
    void deleteChecksTheRevisionUnlessZeroAndReturnsTheDeletedValue() {
        KeyValue v1 = store.put(key("k"), bytes("v1"));
        KeyValue v2 = store.put(key("k"), bytes("v2"));

        assertThatThrownBy(() -> store.delete(key("k"), v1.modRevision())).isInstanceOf(CasConflictException.class);
        KeyValue deleted = store.delete(key("k"), v2.modRevision());
        assertThatThrownBy(() -> store.delete(key("k"), 0)).isInstanceOf(KeyNotFoundException.class);

        assertThat(deleted.valueAsString()).isEqualTo("v2");
        assertThat(store.get(key("k"))).isEmpty();
        store.put(key("other"), bytes("x"));
        assertThat(store.delete(key("other"), 0).valueAsString()).isEqualTo("x");
    }

    @Test
    void concurrentCompareAndSwapWritersLoseNoIncrement() throws Exception {
        int clients = 2;
        int threadsPerClient = 4;
        int incrementsPerThread = 15;
        store.put(key("counter"), bytes("0"));
        List<KvStore> stores = List.of(store, client());
        Set<Long> revisions = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients * threadsPerClient)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < clients * threadsPerClient; t++) {
                KvStore s = stores.get(t % clients);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < incrementsPerThread; i++) {
                        revisions.add(increment(s, key("counter")));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        int total = clients * threadsPerClient * incrementsPerThread;
        assertThat(store.get(key("counter")).orElseThrow().valueAsString()).isEqualTo(Integer.toString(total));
        assertThat(revisions).hasSize(total);
    }

    private static long increment(KvStore s, String key) {
        while (true) {
            KeyValue kv = s.get(key).orElseThrow();
            int n = Integer.parseInt(kv.valueAsString());
            try {
                return s.update(key, bytes(Integer.toString(n + 1)), kv.modRevision()).modRevision();
            } catch (CasConflictException retry) {
                Thread.onSpinWait();
            }
        }
    }

    // ---- leases -------------------------------------------------------------------------------------------

    @Test
    void revokingALeaseDeletesItsKeys() {
        long lease = store.grantLease(Duration.ofMinutes(5));
        store.create(key("leased"), bytes("x"), lease);
        store.put(key("plain"), bytes("y"));

        store.revokeLease(lease);

        assertThat(store.get(key("leased"))).isEmpty();
        assertThat(store.get(key("plain"))).isPresent();
        assertThatThrownBy(() -> store.keepAlive(lease)).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> store.create(key("late"), bytes("z"), lease))
                .isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void anExpiredLeaseDeletesItsKeysAndWatchersSeeTheDeletion() {
        long from = store.currentRevision();
        RecordingListener events = new RecordingListener();
        track(store.watch(prefix, from, events));
        long lease = store.grantLease(leaseTtl());
        store.create(key("ephemeral"), bytes("x"), lease);

        List<WatchEvent> seen = events.awaitEvent(e -> e instanceof WatchEvent.Delete, patience(), "the deletion");

        assertThat(store.get(key("ephemeral"))).isEmpty();
        WatchEvent.Delete delete = (WatchEvent.Delete) seen.getLast();
        assertThat(delete.key()).isEqualTo(key("ephemeral"));
        assertThatThrownBy(() -> store.keepAlive(lease)).isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void keepAliveKeepsLeasedKeysPastTheirTtl() throws InterruptedException {
        long lease = store.grantLease(leaseTtl());
        store.create(key("kept"), bytes("x"), lease);
        long end = System.nanoTime() + leaseTtl().multipliedBy(2).toNanos();
        while (System.nanoTime() < end) {
            store.keepAlive(lease);
            Thread.sleep(leaseTtl().dividedBy(8));
        }
        assertThat(store.get(key("kept"))).isPresent();
        store.revokeLease(lease);
    }

    // ---- watch --------------------------------------------------------------------------------------------

    @Test
    void watchDeliversEveryWriteOfSeveralWritersOnceInRevisionOrder() throws Exception {
        RecordingListener events = new RecordingListener();
        track(store.watch(prefix, store.currentRevision(), events));
        List<KvStore> writers = List.of(store, client());
        Set<Long> written = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                KvStore s = writers.get(t % 2);
                int writer = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        KeyValue kv = s.put(key("w" + writer + "/" + (i % 7)), bytes(writer + ":" + i));
                        written.add(kv.modRevision());
                        if (i % 10 == 9) {
                            s.delete(key("w" + writer + "/" + (i % 7)), 0);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        KeyValue sentinel = store.put(key("zz-sentinel"), bytes("end"));

        List<WatchEvent> seen = events.awaitEvent(e -> e.key().equals(sentinel.key()), patience(), "the sentinel");

        List<Long> revisions = seen.stream().map(WatchEvent::revision).toList();
        assertThat(revisions).isSorted().doesNotHaveDuplicates().containsAll(written);
        assertThat(seen.stream().filter(e -> e instanceof WatchEvent.Delete).count()).isEqualTo(12);
        assertThat(seen).hasSize(4 * 30 + 12 + 1);
        assertThat(events.sawConcurrentCalls()).isFalse();
    }

    @Test
    void watchFromAPastRevisionReplaysLaterChangesWithPreviousValues() {
        KeyValue a1 = store.put(key("a"), bytes("1"));
        KeyValue a2 = store.put(key("a"), bytes("2"));
        KeyValue b1 = store.put(key("b"), bytes("1"));
        KeyValue a3 = store.update(key("a"), bytes("3"), a2.modRevision());
        store.delete(key("b"), 0);
        RecordingListener events = new RecordingListener();

        track(store.watch(prefix, a1.modRevision(), events));
        List<WatchEvent> seen = events.awaitEvents(4, patience());

        assertThat(seen).extracting(WatchEvent::key).containsExactly(key("a"), key("b"), key("a"), key("b"));
        WatchEvent.Put update = (WatchEvent.Put) seen.get(0);
        assertThat(update.current()).isEqualTo(a2);
        assertThat(update.previous()).isEqualTo(a1);
        WatchEvent.Put create = (WatchEvent.Put) seen.get(1);
        assertThat(create.current()).isEqualTo(b1);
        assertThat(create.previous()).isNull();
        assertThat(((WatchEvent.Put) seen.get(2)).current()).isEqualTo(a3);
        WatchEvent.Delete delete = (WatchEvent.Delete) seen.get(3);
        assertThat(delete.revision()).isGreaterThan(a3.modRevision());
        assertThat(Optional.ofNullable(delete.previous()).map(KeyValue::valueAsString)).isIn(Optional.of("1"),
                Optional.empty());
    }

    @Test
    void watchSeesOnlyItsPrefixAndStopsWhenClosed() {
        RecordingListener events = new RecordingListener();
        Watch watch = track(store.watch(key("in/"), store.currentRevision(), events));
        store.put(key("out"), bytes("x"));
        store.put(key("in/1"), bytes("x"));
        events.awaitEvents(1, patience());
        watch.close();
        watch.close(); // idempotent
        store.put(key("in/2"), bytes("after close"));
        RecordingListener control = new RecordingListener();
        track(store.watch(key("in/"), store.currentRevision() - 1, control));
        control.awaitEvents(1, patience());

        assertThat(events.events()).extracting(WatchEvent::key).containsExactly(key("in/1"));
        assertThat(events.error()).isNull();
    }

    @Test
    void watchFromACompactedRevisionEndsWithCompactedException() {
        KeyValue first = store.put(key("k"), bytes("1"));
        store.put(key("k"), bytes("2"));
        store.put(key("k"), bytes("3"));
        KeyValue last = store.put(key("other"), bytes("x"));
        store.compact(last.modRevision());

        RecordingListener stale = new RecordingListener();
        track(store.watch(prefix, first.modRevision() - 1, stale));
        RecordingListener fresh = new RecordingListener();
        track(store.watch(prefix, last.modRevision(), fresh));
        KeyValue after = store.put(key("k"), bytes("4"));

        assertThat(stale.awaitError(patience())).isInstanceOf(CompactedException.class);
        assertThat(fresh.awaitEvents(1, patience()).getFirst().revision()).isEqualTo(after.modRevision());
        assertThat(store.list(prefix).items()).extracting(KeyValue::valueAsString).containsExactly("4", "x");
    }
}
