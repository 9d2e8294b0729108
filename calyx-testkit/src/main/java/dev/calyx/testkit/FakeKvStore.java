package dev.calyx.testkit;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.ListResult;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchEvent;
import dev.calyx.datastore.WatchListener;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An in-memory {@link KvStore} with the SPI's exact semantics, for unit tests of the layers above the datastore.
 *
 * <h2>Model</h2>
 * One store-wide revision counter; every successful write takes the next revision. Keys live in a sorted map, so
 * {@link #list} returns key order. Every write is also appended to a history of {@link WatchEvent}s, which watches
 * replay from their start revision and then follow; {@link #compact} trims that history. Leases expire lazily,
 * measured on the injected {@link InstantSource}, at the start of every call.
 *
 * <h2>Failure injection</h2>
 * {@link #failNextWrites} makes the next n writes throw a given exception without changing anything (a backend
 * outage); {@link #beforeNextCas} runs an action just before the next compare-and-swap checks its revision, so a
 * test can slip in a concurrent write and exercise a caller's conflict/retry path deterministically.
 *
 * <h2>Thread safety</h2>
 * All state is guarded by the instance monitor. Injected actions run under it on the caller's thread (they may call
 * back into the store: the monitor is re-entrant). Each watch delivers from its own daemon thread, in revision
 * order, never concurrently with itself.
 */
public final class FakeKvStore implements KvStore {
    private final InstantSource clock;
    private final NavigableMap<String, KeyValue> data = new TreeMap<>();
    private final List<WatchEvent> history = new ArrayList<>();
    private final Map<Long, Lease> leases = new HashMap<>();
    private final List<FakeWatch> watches = new CopyOnWriteArrayList<>();
    private final Deque<Supplier<? extends DatastoreException>> writeFailures = new ArrayDeque<>();
    private final Deque<Consumer<String>> casInterceptors = new ArrayDeque<>();
    private long revision;
    private long compactedRevision;
    private long nextLease = 1;
    private long writeCount;
    private boolean closed;

    private record Lease(Duration ttl, Instant expiresAt) {}

    public FakeKvStore() {
        this(InstantSource.system());
    }

    public FakeKvStore(InstantSource clock) {
        this.clock = clock;
    }

    // ---- failure injection -------------------------------------------------------------------------------------

    /** The next {@code n} writes (put/create/update/delete) throw what {@code failure} supplies and change nothing. */
    public synchronized void failNextWrites(int n, Supplier<? extends DatastoreException> failure) {
        for (int i = 0; i < n; i++) {
            writeFailures.add(failure);
        }
    }

    /**
     * Runs {@code action} (given the key) just before the next update/delete compares revisions. A write to the
     * same key inside the action makes that compare-and-swap fail as if another client had won the race.
     */
    public synchronized void beforeNextCas(Consumer<String> action) {
        casInterceptors.add(action);
    }

    /** Runs {@code action} before each of the next {@code n} compare-and-swaps. */
    public synchronized void beforeNextCas(int n, Consumer<String> action) {
        for (int i = 0; i < n; i++) {
            casInterceptors.add(action);
        }
    }

    /** Successful writes so far, for tests that count round trips. */
    public synchronized long writeCount() {
        return writeCount;
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Override
    public synchronized Optional<KeyValue> get(String key) {
        open();
        return Optional.ofNullable(data.get(key));
    }

    @Override
    public synchronized ListResult list(String prefix) {
        open();
        List<KeyValue> items = new ArrayList<>();
        for (KeyValue kv : data.tailMap(prefix, true).values()) {
            if (!kv.key().startsWith(prefix)) {
                break;
            }
            items.add(kv);
        }
        return new ListResult(items, revision);
    }

    @Override
    public synchronized long currentRevision() {
        open();
        return revision;
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    @Override
    public synchronized KeyValue put(String key, byte[] value) {
        open();
        injectedFailure();
        return write(key, value, 0);
    }

    @Override
    public synchronized KeyValue create(String key, byte[] value, long lease) {
        open();
        injectedFailure();
        if (data.containsKey(key)) {
            throw new KeyExistsException("create " + key + ": key exists");
        }
        if (lease != 0 && !leases.containsKey(lease)) {
            throw new KeyNotFoundException("create " + key + ": lease " + lease + " not found");
        }
        return write(key, value, lease);
    }

    @Override
    public synchronized KeyValue update(String key, byte[] value, long expectedModRevision) {
        open();
        injectedFailure();
        interceptCas(key);
        KeyValue cur = data.get(key);
        if (cur == null) {
            throw new KeyNotFoundException("update " + key + ": key not found");
        }
        if (cur.modRevision() != expectedModRevision) {
            throw new CasConflictException("update " + key + ": modRevision is " + cur.modRevision()
                    + ", expected " + expectedModRevision);
        }
        return write(key, value, cur.lease());
    }

    @Override
    public synchronized KeyValue delete(String key, long expectedModRevision) {
        open();
        injectedFailure();
        interceptCas(key);
        KeyValue cur = data.get(key);
        if (cur == null) {
            throw new KeyNotFoundException("delete " + key + ": key not found");
        }
        if (expectedModRevision != 0 && cur.modRevision() != expectedModRevision) {
            throw new CasConflictException("delete " + key + ": modRevision is " + cur.modRevision()
                    + ", expected " + expectedModRevision);
        }
        remove(key);
        return cur;
    }

    private KeyValue write(String key, byte[] value, long lease) {
        KeyValue prev = data.get(key);
        long rev = ++revision;
        KeyValue kv = prev == null
                ? new KeyValue(key, value.clone(), rev, rev, 1, lease)
                : new KeyValue(key, value.clone(), prev.createRevision(), rev, prev.version() + 1, lease);
        data.put(key, kv);
        writeCount++;
        publish(new WatchEvent.Put(kv, prev));
        return kv;
    }

    private void remove(String key) {
        KeyValue prev = data.remove(key);
        long rev = ++revision;
        writeCount++;
        publish(new WatchEvent.Delete(key, rev, prev));
    }

    private void injectedFailure() {
        Supplier<? extends DatastoreException> f = writeFailures.poll();
        if (f != null) {
            throw f.get();
        }
    }

    private void interceptCas(String key) {
        Consumer<String> action = casInterceptors.poll();
        if (action != null) {
            action.accept(key);
        }
    }

    // ---- leases -------------------------------------------------------------------------------------------------

    @Override
    public synchronized long grantLease(Duration ttl) {
        open();
        long id = nextLease++;
        leases.put(id, new Lease(ttl, clock.instant().plus(ttl)));
        return id;
    }

    @Override
    public synchronized void keepAlive(long lease) {
        open();
        Lease l = leases.get(lease);
        if (l == null) {
            throw new KeyNotFoundException("keep-alive lease " + lease + ": lease not found (expired?)");
        }
        leases.put(lease, new Lease(l.ttl(), clock.instant().plus(l.ttl())));
    }

    @Override
    public synchronized void revokeLease(long lease) {
        open();
        if (leases.remove(lease) == null) {
            throw new KeyNotFoundException("revoke lease " + lease + ": lease not found");
        }
        dropKeysOf(lease);
    }

    private void expireLeases() {
        Instant now = clock.instant();
        List<Long> expired = leases.entrySet().stream()
                .filter(e -> !e.getValue().expiresAt().isAfter(now)).map(Map.Entry::getKey).toList();
        for (long id : expired) {
            leases.remove(id);
            dropKeysOf(id);
        }
    }

    private void dropKeysOf(long lease) {
        List<String> keys = data.values().stream().filter(kv -> kv.lease() == lease).map(KeyValue::key).toList();
        keys.forEach(this::remove);
    }

    // ---- watch --------------------------------------------------------------------------------------------------

    @Override
    public synchronized Watch watch(String prefix, long fromRevision, WatchListener listener) {
        open();
        FakeWatch w = new FakeWatch(prefix, listener);
        if (fromRevision < compactedRevision) {
            w.fail(new CompactedException("watch " + prefix + " from revision " + fromRevision
                    + ": compacted up to " + compactedRevision));
            return w;
        }
        List<WatchEvent> backlog = history.stream()
                .filter(e -> e.revision() > fromRevision && e.key().startsWith(prefix)).toList();
        if (!backlog.isEmpty()) {
            w.offer(backlog);
        }
        watches.add(w);
        return w;
    }

    private void publish(WatchEvent event) {
        history.add(event);
        for (FakeWatch w : watches) {
            if (event.key().startsWith(w.prefix)) {
                w.offer(List.of(event));
            }
        }
    }

    @Override
    public synchronized void compact(long rev) {
        open();
        if (rev > revision) {
            throw new DatastoreException("compact to revision " + rev + ": beyond current revision " + revision);
        }
        compactedRevision = Math.max(compactedRevision, rev);
        history.removeIf(e -> e.revision() <= rev);
    }

    @Override
    public String describe() {
        return "fake:in-memory";
    }

    @Override
    public synchronized void close() {
        closed = true;
        watches.forEach(FakeWatch::close);
        watches.clear();
    }

    private void open() {
        if (closed) {
            throw new DatastoreException("fake:in-memory: store is closed");
        }
        expireLeases();
    }

    /** One watch: a queue drained by its own thread, so listener calls are ordered and never overlap. */
    private final class FakeWatch implements Watch {
        private final String prefix;
        private final WatchListener listener;
        private final Deque<Object> queue = new ArrayDeque<>();
        private final Thread thread;
        private boolean stopped;

        FakeWatch(String prefix, WatchListener listener) {
            this.prefix = prefix;
            this.listener = listener;
            this.thread = Thread.ofPlatform().daemon().name("fake-kv-watch " + prefix).start(this::drain);
        }

        synchronized void offer(List<WatchEvent> events) {
            queue.add(List.copyOf(events));
            notifyAll();
        }

        synchronized void fail(DatastoreException e) {
            queue.add(e);
            notifyAll();
        }

        @SuppressWarnings("unchecked")
        private void drain() {
            while (true) {
                Object next;
                synchronized (this) {
                    while (queue.isEmpty() && !stopped) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (stopped) {
                        return;
                    }
                    next = queue.poll();
                }
                if (next instanceof DatastoreException e) {
                    listener.onError(e);
                    close();
                    return;
                }
                listener.onEvents((List<WatchEvent>) next);
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                stopped = true;
                notifyAll();
            }
            watches.remove(this);
        }
    }
}
