package dev.calyx.datastore.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.DatastoreUnavailableException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.datastore.Watch;
import dev.calyx.testkit.EtcdCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 3-member cluster losing one member, then all of them. Writes go through clients with a generous timeout (the
 * test machine can be very loaded, and a write that timed out might still be applied, which would spoil the exact
 * revision lists); the outage itself is observed through a client with a short (2 s) timeout.
 */
@Tag("etcd")
class EtcdClusterFailoverTest {
    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    private static KvStore open(EtcdCluster etcd) {
        return open(etcd.datastoreSpec(), GENEROUS);
    }

    private static KvStore open(String spec, Duration timeout) {
        return KvStores.open(DatastoreConfig.parse(spec).withTimeout(timeout));
    }

    private static long write(KvStore store, List<Long> written, String key, String value) {
        KeyValue kv = store.put(key, value.getBytes(UTF_8));
        written.add(kv.modRevision());
        return kv.modRevision();
    }

    @Test
    void readsWritesAndWatchesCarryOnWhenOneMemberStops() {
        try (EtcdCluster etcd = EtcdCluster.start(3); KvStore store = open(etcd)) {
            List<Long> written = new ArrayList<>();
            RecordingListener rec = new RecordingListener();
            try (Watch w = store.watch("/f/", store.currentRevision(), rec)) {
                for (int i = 0; i < 3; i++) {
                    write(store, written, "/f/before" + i, "v" + i);
                }
                etcd.stop(0); // the first endpoint: the one a pick-first client talks to
                etcd.awaitHealthy();
                for (int i = 0; i < 3; i++) {
                    write(store, written, "/f/after" + i, "v" + i);
                }
                assertThat(store.list("/f/").items()).hasSize(6);
                KeyValue k = store.create("/f/cas", "1".getBytes(UTF_8), 0);
                written.add(k.modRevision());
                written.add(store.update("/f/cas", "2".getBytes(UTF_8), k.modRevision()).modRevision());

                await().atMost(Duration.ofSeconds(30)).until(() -> rec.revisions().size() >= written.size());
                assertThat(rec.revisions()).isEqualTo(written);
                assertThat(rec.error).isNull();
            }
        }
    }

    @Test
    void wholeClusterDownFailsEveryCallThenTheWatchResumesWithoutGapOrDuplicate() throws Exception {
        try (EtcdCluster etcd = EtcdCluster.start(3); KvStore store = open(etcd);
             KvStore impatient = open(etcd.datastoreSpec(), SHORT)) {
            List<Long> written = new ArrayList<>();
            RecordingListener rec = new RecordingListener();
            try (Watch w = store.watch("/w/", store.currentRevision(), rec)) {
                for (int i = 0; i < 5; i++) {
                    write(store, written, "/w/before" + i, "v" + i);
                }
                etcd.stop(0);
                etcd.awaitHealthy();
                for (int i = 0; i < 5; i++) {
                    write(store, written, "/w/during" + i, "v" + i);
                }
                etcd.stop(1);
                etcd.stop(2);

                assertEveryCallFailsUnavailable(impatient, etcd);

                for (int i = 0; i < 3; i++) {
                    etcd.startMember(i);
                }
                etcd.awaitHealthy();
                // the client's reconnect back-off may still be running: wait with a read, which is safe to retry
                await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(DatastoreUnavailableException.class)
                        .until(() -> store.currentRevision() > 0);
                for (int i = 0; i < 5; i++) {
                    write(store, written, "/w/after" + i, "v" + i);
                }

                await().atMost(Duration.ofSeconds(60)).until(() -> rec.revisions().size() >= written.size());
                assertThat(rec.revisions()).isEqualTo(written);
                assertThat(rec.error).isNull();
                assertThat(((EtcdWatch) w).attempts()).as("etcd watch streams opened").isGreaterThan(1);
            }
        }
    }

    @Test
    void aWatchWhoseOnlyMemberCrashesCatchesUpOnWritesMadeWhileItWasDown() {
        try (EtcdCluster etcd = EtcdCluster.start(3);
             KvStore watcher = open("etcd:" + etcd.endpoint(0), GENEROUS);
             KvStore writer = open("etcd:" + etcd.endpoint(1) + "," + etcd.endpoint(2), GENEROUS)) {
            List<Long> written = new ArrayList<>();
            RecordingListener rec = new RecordingListener();
            try (Watch w = watcher.watch("/c/", watcher.currentRevision(), rec)) {
                for (int i = 0; i < 5; i++) {
                    write(writer, written, "/c/k" + (i % 2), "before" + i);
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> rec.revisions().size() == 5);
                etcd.kill(0);
                etcd.awaitHealthy(); // a new leader, if member 0 was it
                for (int i = 0; i < 20; i++) {
                    write(writer, written, "/c/k" + (i % 3), "while-down" + i);
                }
                writer.delete("/c/k0", 0);
                written.add(writer.currentRevision());
                assertThat(rec.revisions()).hasSize(5);

                etcd.startMember(0);
                for (int i = 0; i < 5; i++) {
                    write(writer, written, "/c/k" + i, "after" + i);
                }

                await().atMost(Duration.ofSeconds(60)).until(() -> rec.revisions().size() >= written.size());
                assertThat(rec.revisions()).isEqualTo(written);
                assertThat(rec.error).isNull();
                assertThat(((EtcdWatch) w).attempts()).isGreaterThan(1);
            }
        }
    }

    /** Every call, run at once so the test takes one timeout rather than a dozen. */
    private static void assertEveryCallFailsUnavailable(KvStore store, EtcdCluster etcd) throws Exception {
        Map<String, Consumer<KvStore>> calls = Map.ofEntries(
                Map.entry("get", s -> s.get("/w/before0")),
                Map.entry("list", s -> s.list("/w/")),
                Map.entry("currentRevision", KvStore::currentRevision),
                Map.entry("put", s -> s.put("/w/lost", new byte[] {1})),
                Map.entry("create", s -> s.create("/w/lost", new byte[] {1}, 0)),
                Map.entry("update", s -> s.update("/w/before0", new byte[] {1}, 1)),
                Map.entry("delete", s -> s.delete("/w/before0", 0)),
                Map.entry("grantLease", s -> s.grantLease(Duration.ofSeconds(5))),
                Map.entry("keepAlive", s -> s.keepAlive(1234)),
                Map.entry("revokeLease", s -> s.revokeLease(1234)),
                Map.entry("compact", s -> s.compact(2)));
        String where = "datastore unavailable: etcd at " + String.join(",", etcd.endpoints())
                + " did not answer within 2s (";
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<Throwable>> outcomes = new java.util.TreeMap<>();
            calls.forEach((name, call) -> outcomes.put(name, pool.submit(() -> {
                try {
                    call.accept(store);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            })));
            System.out.println("sample failure: " + outcomes.get("put").get().getMessage());
            for (var e : outcomes.entrySet()) {
                assertThat(e.getValue().get()).as(e.getKey())
                        .isInstanceOf(DatastoreUnavailableException.class)
                        .hasMessageStartingWith(where)
                        .hasMessageContaining("connection refused");
            }
        }
    }
}
