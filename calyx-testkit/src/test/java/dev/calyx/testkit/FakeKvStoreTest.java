package dev.calyx.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.DatastoreUnavailableException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchEvent;
import dev.calyx.datastore.WatchListener;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class FakeKvStoreTest {
    private final FakeKvStore store = new FakeKvStore();

    private static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void revisionsCountEveryWriteAndModRevisionIsTheCasToken() {
        KeyValue a = store.create("/a", b("1"), 0);
        KeyValue a2 = store.update("/a", b("2"), a.modRevision());
        assertThat(a.createRevision()).isEqualTo(1);
        assertThat(a2.modRevision()).isEqualTo(2);
        assertThat(a2.version()).isEqualTo(2);
        assertThat(a2.createRevision()).isEqualTo(1);
        assertThatThrownBy(() -> store.update("/a", b("3"), a.modRevision()))
                .isInstanceOf(CasConflictException.class).hasMessageContaining("/a");
        assertThatThrownBy(() -> store.create("/a", b("x"), 0)).isInstanceOf(KeyExistsException.class);
        assertThatThrownBy(() -> store.update("/b", b("x"), 1)).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> store.delete("/a", a.modRevision())).isInstanceOf(CasConflictException.class);
        assertThat(store.delete("/a", 0).valueAsString()).isEqualTo("2");
        assertThat(store.currentRevision()).isEqualTo(3);
        assertThat(store.get("/a")).isEmpty();
    }

    @Test
    void listIsPrefixedAndInKeyOrder() {
        store.put("/x/b", b("b"));
        store.put("/x/a", b("a"));
        store.put("/y", b("y"));
        assertThat(store.list("/x/").items()).extracting(KeyValue::key).containsExactly("/x/a", "/x/b");
        assertThat(store.list("/x/").revision()).isEqualTo(3);
    }

    @Test
    void injectedFailuresChangeNothing() {
        store.failNextWrites(2, () -> new DatastoreUnavailableException("down"));
        assertThatThrownBy(() -> store.put("/a", b("1"))).isInstanceOf(DatastoreUnavailableException.class);
        assertThatThrownBy(() -> store.put("/a", b("1"))).isInstanceOf(DatastoreUnavailableException.class);
        assertThat(store.currentRevision()).isZero();
        store.put("/a", b("1"));
        assertThat(store.currentRevision()).isEqualTo(1);
    }

    @Test
    void aWriteSlippedInBeforeACasMakesItConflict() {
        KeyValue a = store.put("/a", b("1"));
        store.beforeNextCas(key -> store.put(key, b("theirs")));
        assertThatThrownBy(() -> store.update("/a", b("mine"), a.modRevision()))
                .isInstanceOf(CasConflictException.class);
        assertThat(store.get("/a").orElseThrow().valueAsString()).isEqualTo("theirs");
    }

    @Test
    void leasedKeysDieWithTheLease() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        InstantSource clock = now::get;
        FakeKvStore timed = new FakeKvStore(clock);
        long lease = timed.grantLease(Duration.ofSeconds(10));
        timed.create("/l", b("v"), lease);
        now.set(now.get().plusSeconds(5));
        timed.keepAlive(lease);
        now.set(now.get().plusSeconds(9));
        assertThat(timed.get("/l")).isPresent();
        now.set(now.get().plusSeconds(2));
        assertThat(timed.get("/l")).isEmpty();
        assertThatThrownBy(() -> timed.keepAlive(lease)).isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void watchReplaysHistoryThenFollowsInOrder() {
        store.put("/w/1", b("1"));
        store.put("/other", b("x"));
        List<WatchEvent> seen = new CopyOnWriteArrayList<>();
        try (Watch w = store.watch("/w/", 0, collect(seen, null))) {
            store.put("/w/2", b("2"));
            store.delete("/w/1", 0);
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 3);
        }
        assertThat(seen).extracting(WatchEvent::revision).containsExactly(1L, 3L, 4L);
        assertThat(seen.get(2)).isInstanceOf(WatchEvent.Delete.class);
    }

    @Test
    void watchFromACompactedRevisionFails() {
        store.put("/w/1", b("1"));
        store.put("/w/1", b("2"));
        store.compact(2);
        AtomicReference<DatastoreException> error = new AtomicReference<>();
        store.watch("/w/", 1, collect(new CopyOnWriteArrayList<>(), error));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> error.get() != null);
        assertThat(error.get()).isInstanceOf(CompactedException.class);
    }

    private static WatchListener collect(List<WatchEvent> sink, AtomicReference<DatastoreException> error) {
        return new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                sink.addAll(events);
            }

            @Override
            public void onError(DatastoreException e) {
                if (error != null) {
                    error.set(e);
                }
            }
        };
    }
}
