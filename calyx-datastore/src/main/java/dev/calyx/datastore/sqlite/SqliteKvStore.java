package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.ListResult;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedded datastore: a {@link KvStore} in one SQLite file, usable by several processes at once.
 *
 * <h2>Model</h2>
 * The k3s "kine" design: an append-only revision log ({@code kv} table, one row per revision, see
 * {@link SqliteSchema}) whose AUTOINCREMENT key is the store revision; a key's current value is its newest row.
 * This gives etcd's revision, create/mod revision and version semantics directly, and watch is "read the log
 * after my position". Compaction deletes rows that no reader at or after the compact revision can need.
 * Each key deleted by a lease expiry or revocation gets its own revision (etcd would use one revision for all).
 *
 * <h2>Durability and concurrency</h2>
 * WAL journal with {@code synchronous=FULL}: a write is acknowledged only after its COMMIT reached the disk, so it
 * survives kill -9 and power loss. Writes take SQLite's write lock ({@code BEGIN IMMEDIATE}); writers of other
 * processes wait up to the configured timeout (busy timeout), then fail with
 * {@link dev.calyx.datastore.DatastoreUnavailableException}. Readers never block writers.
 *
 * <h2>Parts</h2>
 * {@link SqliteDatabase} (file, connections, errors) · {@link SqliteSchema} (layout, recognition) ·
 * {@link SqliteWriter} (write transactions) · {@link SqliteReader} (read transactions) ·
 * {@link SqliteLeases} · {@link SqliteWatchHub}/{@link SqliteWatch} (change notification across processes).
 *
 * <p>Thread safety: safe for any number of threads.
 */
public final class SqliteKvStore implements KvStore {
    private final SqliteDatabase db;
    private final SqliteReader reader;
    private final SqliteWriter writer;
    private final SqliteLeases leases;
    private final SqliteWatchHub hub;

    private SqliteKvStore(SqliteDatabase db, SqliteSession writeSession) {
        this.db = db;
        this.reader = new SqliteReader(db);
        // the writer tells the hub about each commit; no commit can happen before the constructor returns
        this.writer = new SqliteWriter(db, writeSession, this::committed);
        this.leases = new SqliteLeases(db, writer, reader);
        this.hub = new SqliteWatchHub(db, reader, leases::expireDue);
    }

    private void committed(long revision) {
        hub.published(revision);
    }

    /** Opens (creating if needed) the store in {@code file}, waiting up to the default timeout for locks. */
    public static SqliteKvStore open(Path file) {
        return open(file, DatastoreConfig.DEFAULT_TIMEOUT);
    }

    /**
     * Opens (creating the file and its directories if needed) the store in {@code file}. Throws a
     * {@link dev.calyx.datastore.DatastoreException} naming the file if it is not a calyx database, is corrupt or
     * cannot be written.
     *
     * @param timeout how long a write may wait for another process's write lock
     */
    public static SqliteKvStore open(Path file, Duration timeout) {
        return open(file, timeout, SqliteSchema.QUICK_CHECK_MAX_BYTES);
    }

    static SqliteKvStore open(Path file, Duration timeout, long quickCheckMaxBytes) {
        SqliteDatabase db = new SqliteDatabase(file, timeout);
        db.prepareLocation();
        SqliteSession session = db.open();
        try {
            new SqliteSchema(db, quickCheckMaxBytes).ensure(session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        SqliteKvStore store = new SqliteKvStore(db, session);
        store.hub.published(store.reader.currentRevision());
        store.hub.start();
        return store;
    }

    /** The database file. */
    public Path file() {
        return db.file();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        return reader.get(key);
    }

    @Override
    public ListResult list(String prefix) {
        return reader.list(prefix);
    }

    @Override
    public long currentRevision() {
        return reader.currentRevision();
    }

    @Override
    public KeyValue put(String key, byte[] value) {
        return writer.put(key, value);
    }

    @Override
    public KeyValue create(String key, byte[] value, long lease) {
        return writer.create(key, value, lease);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        return writer.update(key, value, expectedModRevision);
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        return writer.delete(key, expectedModRevision);
    }

    @Override
    public long grantLease(Duration ttl) {
        return leases.grant(ttl);
    }

    @Override
    public void keepAlive(long lease) {
        leases.keepAlive(lease);
    }

    @Override
    public void revokeLease(long lease) {
        leases.revoke(lease);
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) {
        return hub.watch(prefix, fromRevision, listener);
    }

    @Override
    public void compact(long revision) {
        writer.compact(revision);
    }

    /**
     * Runs SQLite's full integrity check over the whole file (slow on big files: for a doctor command, not for
     * every open); throws a {@link dev.calyx.datastore.DatastoreException} naming the file and the first problem.
     */
    public void verify() {
        reader.read("verify", s -> {
            new SqliteSchema(db).check(s, "integrity_check");
            return null;
        });
    }

    /** The revision at and below which history was compacted (0 if never). */
    public long compactRevision() {
        return reader.compactRevision();
    }

    @Override
    public String describe() {
        return db.describe();
    }

    @Override
    public void close() {
        hub.close();
        writer.close();
        reader.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
