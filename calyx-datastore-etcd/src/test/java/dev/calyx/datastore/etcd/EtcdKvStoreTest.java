package dev.calyx.datastore.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.datastore.ListResult;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchEvent;
import dev.calyx.testkit.EtcdCluster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The etcd backend against one real member; each test works under its own key prefix. */
@Tag("etcd")
class EtcdKvStoreTest {
    private static EtcdCluster etcd;
    private KvStore store;
    private String p;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdCluster.start();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @BeforeEach
    void open() {
        store = KvStores.open(DatastoreConfig.parse(etcd.datastoreSpec()).withTimeout(Duration.ofSeconds(10)));
        p = "/calyx-test/" + UUID.randomUUID().toString().substring(0, 8) + "/";
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void providerOpensAnEtcdStoreThatDescribesItsEndpoints() {
        assertThat(store).isInstanceOf(EtcdKvStore.class);
        assertThat(store.describe()).isEqualTo(etcd.datastoreSpec());
    }

    @Test
    void putGetAndListByPrefixWithTheListingRevision() {
        KeyValue a = store.put(p + "a", b("1"));
        KeyValue b = store.put(p + "b", b("2"));
        store.put(p.substring(0, p.length() - 1) + "-other", b("x"));
        KeyValue a2 = store.put(p + "a", b("3"));

        assertThat(a2.createRevision()).isEqualTo(a.modRevision());
        assertThat(a2.version()).isEqualTo(2);
        assertThat(a2.modRevision()).isGreaterThan(b.modRevision());
        assertThat(store.get(p + "a")).contains(a2);
        assertThat(store.get(p + "missing")).isEmpty();

        ListResult list = store.list(p);
        assertThat(list.items()).extracting(KeyValue::key).containsExactly(p + "a", p + "b");
        assertThat(list.items()).extracting(KeyValue::valueAsString).containsExactly("3", "2");
        assertThat(list.revision()).isEqualTo(store.currentRevision()).isGreaterThanOrEqualTo(a2.modRevision());
        assertThat(store.list("").items()).extracting(KeyValue::key).contains(p + "a", p + "b");
    }

    @Test
    void createRefusesAnExistingKey() {
        KeyValue created = store.create(p + "k", b("v"), 0);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createRevision()).isEqualTo(created.modRevision());
        assertThat(store.get(p + "k")).contains(created);

        assertThatThrownBy(() -> store.create(p + "k", b("w"), 0))
                .isInstanceOf(KeyExistsException.class)
                .hasMessageContaining(p + "k");
    }

    @Test
    void updateIsACompareAndSwapOnModRevision() {
        KeyValue v1 = store.create(p + "k", b("1"), 0);
        KeyValue v2 = store.update(p + "k", b("2"), v1.modRevision());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.createRevision()).isEqualTo(v1.createRevision());
        assertThat(store.get(p + "k")).contains(v2);

        assertThatThrownBy(() -> store.update(p + "k", b("stale"), v1.modRevision()))
                .isInstanceOf(CasConflictException.class)
                .hasMessageContaining(p + "k").hasMessageContaining("expected " + v1.modRevision());
        assertThatThrownBy(() -> store.update(p + "gone", b("x"), v1.modRevision()))
                .isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> store.update(p + "k", b("x"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use put");
        assertThat(store.get(p + "k").orElseThrow().valueAsString()).isEqualTo("2");
    }

    @Test
    void deleteWithAndWithoutRevisionCheck() {
        KeyValue a = store.put(p + "a", b("1"));
        store.put(p + "b", b("2"));

        assertThatThrownBy(() -> store.delete(p + "a", a.modRevision() + 100))
                .isInstanceOf(CasConflictException.class);
        assertThat(store.delete(p + "a", a.modRevision())).isEqualTo(a);
        assertThat(store.delete(p + "b", 0).valueAsString()).isEqualTo("2");
        assertThatThrownBy(() -> store.delete(p + "a", 0)).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> store.delete(p + "a", a.modRevision())).isInstanceOf(KeyNotFoundException.class);
        assertThat(store.list(p).items()).isEmpty();
    }

    @Test
    void updateAndPutDetachTheLeaseWhileCreatedKeysDieWithIt() {
        long lease = store.grantLease(Duration.ofSeconds(30));
        KeyValue k = store.create(p + "k", b("1"), lease);
        KeyValue updated = store.create(p + "updated", b("1"), lease);
        KeyValue put = store.create(p + "put", b("1"), lease);
        assertThat(k.lease()).isEqualTo(lease);
        assertThat(store.get(p + "k").orElseThrow().lease()).isEqualTo(lease);
        assertThat(store.update(p + "updated", b("2"), updated.modRevision()).lease()).isZero();
        assertThat(store.put(p + "put", b("2")).lease()).isZero();
        assertThat(store.get(p + "updated").orElseThrow().lease()).isZero();

        store.keepAlive(lease);
        store.revokeLease(lease);
        assertThat(store.get(p + "k")).isEmpty();
        assertThat(store.list(p).items()).extracting(KeyValue::key).containsExactly(p + "put", p + "updated");
        assertThatThrownBy(() -> store.keepAlive(lease)).isInstanceOf(KeyNotFoundException.class)
                .hasMessageContaining(Long.toHexString(lease));
    }

    @Test
    void leaseExpiryDeletesItsKeys() {
        long lease = store.grantLease(Duration.ofSeconds(1));
        store.create(p + "k", b("1"), lease);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.get(p + "k").isEmpty());
    }

    @Test
    void watchReplaysHistoryThenFollowsWithPreviousValues() {
        long from = store.currentRevision();
        KeyValue a1 = store.put(p + "a", b("1"));
        KeyValue a2 = store.put(p + "a", b("2"));
        RecordingListener rec = new RecordingListener();
        try (Watch w = store.watch(p, from, rec)) {
            KeyValue deleted = store.delete(p + "a", 0);
            store.put(p.substring(0, p.length() - 1) + "-outside", b("x"));
            KeyValue b1 = store.put(p + "b", b("3"));

            List<WatchEvent> events = rec.awaitEvents(4);
            assertThat(events).hasSize(4);
            assertThat(events.get(0)).isEqualTo(new WatchEvent.Put(a1, null));
            assertThat(events.get(1)).isEqualTo(new WatchEvent.Put(a2, a1));
            assertThat(events.get(2)).isInstanceOfSatisfying(WatchEvent.Delete.class, d -> {
                assertThat(d.key()).isEqualTo(p + "a");
                assertThat(d.previous()).isEqualTo(deleted);
                assertThat(d.revision()).isGreaterThan(a2.modRevision());
            });
            assertThat(events.get(3)).isEqualTo(new WatchEvent.Put(b1, null));
            assertThat(rec.revisions()).isSorted().doesNotHaveDuplicates();
            assertThat(rec.error).isNull();
        }
    }

    @Test
    void watchFromAfterAWriteSkipsIt() {
        KeyValue a1 = store.put(p + "a", b("1"));
        RecordingListener rec = new RecordingListener();
        try (Watch w = store.watch(p, a1.modRevision(), rec)) {
            KeyValue a2 = store.put(p + "a", b("2"));
            assertThat(rec.awaitEvents(1)).containsExactly(new WatchEvent.Put(a2, a1));
        }
    }

    @Test
    void watchFromACompactedRevisionEndsWithCompactedException() {
        KeyValue a1 = store.put(p + "a", b("1"));
        KeyValue a2 = store.put(p + "a", b("2"));
        store.compact(a2.modRevision());
        store.compact(a2.modRevision()); // again: idempotent
        store.compact(a1.modRevision()); // below an earlier compaction: nothing to do
        assertThatThrownBy(() -> store.compact(store.currentRevision() + 100))
                .isInstanceOf(dev.calyx.datastore.DatastoreException.class)
                .hasMessageContaining("future revision");

        RecordingListener rec = new RecordingListener();
        try (Watch w = store.watch(p, a1.modRevision(), rec)) {
            assertThat(rec.awaitError()).isInstanceOf(CompactedException.class)
                    .hasMessageContaining("compacted");
            assertThat(rec.events()).isEmpty();
        }
        RecordingListener atCompaction = new RecordingListener();
        try (Watch w = store.watch(p, a2.modRevision(), atCompaction)) {
            KeyValue a3 = store.put(p + "a", b("3"));
            assertThat(atCompaction.awaitEvents(1)).containsExactly(new WatchEvent.Put(a3, a2));
        }
    }

    @Test
    void callsOnAClosedStoreFailWithADatastoreException() {
        store.close();
        assertThatThrownBy(() -> store.get(p + "a"))
                .isInstanceOf(dev.calyx.datastore.DatastoreException.class)
                .hasMessageContaining("get " + p + "a");
    }

    @Test
    void closedWatchDeliversNothingMore() throws Exception {
        RecordingListener rec = new RecordingListener();
        Watch w = store.watch(p, store.currentRevision(), rec);
        store.put(p + "a", b("1"));
        rec.awaitEvents(1);
        w.close();
        w.close();
        store.put(p + "a", b("2"));
        store.put(p + "marker", b("m"));
        Thread.sleep(300); // nothing to wait for: we assert that nothing comes
        assertThat(rec.events()).hasSize(1);
    }
}
