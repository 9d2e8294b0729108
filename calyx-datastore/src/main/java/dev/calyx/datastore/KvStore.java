package dev.calyx.datastore;

import java.time.Duration;
import java.util.Optional;

/**
 * A revisioned key-value store with watch: the one interface every part of calyx (CLI, node agent, IPAM,
 * controllers) uses to read and write state. Backends: embedded SQLite (single host) and etcd v3 (clusters); the
 * Kubernetes API later. Code above this interface cannot tell them apart.
 *
 * <h2>Model (etcd v3's)</h2>
 * <ul>
 *   <li>One store-wide revision counter. Every successful write (put, create, update, delete, lease expiry) gets
 *       the next revision; a key's {@link KeyValue#modRevision()} is the revision of its last write and doubles as
 *       its compare-and-swap token.</li>
 *   <li>Reads are linearizable: a read returns every write acknowledged before it started.</li>
 *   <li>{@link #watch} delivers every change with a revision above {@code fromRevision}, in revision order,
 *       exactly once. When {@code fromRevision} has been compacted away the watch ends with
 *       {@link CompactedException}: the caller must {@link #list} again and watch from the listing's revision.</li>
 *   <li>Keys are '/'-separated strings (Calico's layout: {@code /calico/resources/v3/projectcalico.org/...});
 *       values are opaque bytes (JSON in practice).</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * All failures are unchecked {@link DatastoreException}s: {@link CasConflictException} (retry after re-reading),
 * {@link KeyExistsException}, {@link KeyNotFoundException}, {@link CompactedException},
 * {@link DatastoreUnavailableException} (the backend cannot be reached within its timeout; the message names what
 * and where).
 *
 * <h2>Thread safety</h2>
 * Implementations are safe for use from many threads and, for the embedded store, from several processes.
 */
public interface KvStore extends AutoCloseable {

    /** The key's current value, or empty. */
    Optional<KeyValue> get(String key);

    /** Every key starting with {@code prefix}, in key order, with the store revision the listing reflects. */
    ListResult list(String prefix);

    /** The store's current revision (0 for an empty, never-written store). */
    long currentRevision();

    /** Writes unconditionally. Like etcd's put without a lease, the key is no longer bound to any lease. */
    KeyValue put(String key, byte[] value);

    /** Writes only if the key is absent; throws {@link KeyExistsException} otherwise. {@code lease} 0 = none. */
    KeyValue create(String key, byte[] value, long lease);

    /**
     * Writes only if the key's {@code modRevision} is still {@code expectedModRevision}; throws
     * {@link CasConflictException} if it changed and {@link KeyNotFoundException} if the key is gone.
     * {@code expectedModRevision} must be positive ({@link IllegalArgumentException} otherwise: use {@link #put}).
     * As with {@link #put}, the key is no longer bound to any lease.
     */
    KeyValue update(String key, byte[] value, long expectedModRevision);

    /**
     * Deletes only if the key's {@code modRevision} is still {@code expectedModRevision}; 0 deletes whatever is
     * there. Returns the deleted value. Throws {@link KeyNotFoundException} if absent, {@link CasConflictException}
     * on a stale revision.
     */
    KeyValue delete(String key, long expectedModRevision);

    /** Grants a lease that expires {@code ttl} after its last keep-alive; keys created with it die with it. */
    long grantLease(Duration ttl);

    /** Extends the lease by its TTL; throws {@link KeyNotFoundException} if it already expired. */
    void keepAlive(long lease);

    /** Revokes the lease now, deleting its keys. */
    void revokeLease(long lease);

    /**
     * Streams every change under {@code prefix} with revision {@code > fromRevision} to the listener, in order,
     * on a thread owned by the store. Close the returned handle to stop. {@code fromRevision} is usually a
     * listing's {@link ListResult#revision()} or {@link #currentRevision()}; 0 replays all retained history.
     * Keys deleted together by a lease expiry or revocation may share one revision (etcd) or get one each
     * (embedded store).
     */
    Watch watch(String prefix, long fromRevision, WatchListener listener);

    /**
     * Drops history at and below {@code revision}; watches from below it then fail with {@link CompactedException}.
     * Current values are kept. Compacting at or below an earlier compaction does nothing; a revision above
     * {@link #currentRevision()} is refused with a {@link DatastoreException}.
     */
    void compact(long revision);

    /** A human-readable name of the backend and where it is, for error messages ("embedded:/var/lib/calyx/calyx.db"). */
    String describe();

    @Override
    void close();
}
