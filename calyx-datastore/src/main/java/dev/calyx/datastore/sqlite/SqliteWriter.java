package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KeyValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Write transactions: every change appends rows to the revision log inside one {@code BEGIN IMMEDIATE}
 * transaction, so the read of the key's latest row and the append are atomic against writers of this and of
 * other processes (compare-and-swap needs nothing more). SQLite admits one writer at a time and assigns
 * {@code rev} inside the write lock, so revisions become visible strictly in order, without gaps.
 *
 * <p>Thread safety: one connection, used under a lock; other processes queue on SQLite's lock (busy timeout).
 * After each commit the highest revision written is handed to {@code committed} (the watch hub), so that
 * in-process watchers wake at once instead of at the next poll.
 */
final class SqliteWriter implements AutoCloseable {
    private static final String APPEND = "INSERT INTO kv (key, created, deleted, create_rev, prev_rev, version, "
            + "lease, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING rev";

    private final SqliteDatabase db;
    private final SqliteSession session;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongConsumer committed;
    private long highestAppended;
    private boolean closed;

    SqliteWriter(SqliteDatabase db, SqliteSession session, LongConsumer committed) {
        this.db = db;
        this.session = session;
        this.committed = committed;
    }

    KeyValue put(String key, byte[] value) {
        checkKey(key, value);
        return write("put " + key, s -> appendPut(s, key, value, 0, live(s, key)));
    }

    KeyValue create(String key, byte[] value, long lease) {
        checkKey(key, value);
        return write("create " + key, s -> {
            Optional<LogRow> live = live(s, key);
            if (live.isPresent()) {
                throw new KeyExistsException(db.describe() + ": create " + key + ": key already exists (modRevision "
                        + live.get().rev() + ")");
            }
            if (lease != 0 && !SqliteLeases.isAlive(s, lease)) {
                throw new KeyNotFoundException(db.describe() + ": create " + key + ": lease " + lease
                        + " not found (expired or revoked)");
            }
            return appendPut(s, key, value, lease, live);
        });
    }

    KeyValue update(String key, byte[] value, long expectedModRevision) {
        checkKey(key, value);
        if (expectedModRevision <= 0) {
            throw new IllegalArgumentException("update " + key + ": expectedModRevision " + expectedModRevision
                    + " is not a revision; use put() to write unconditionally");
        }
        return write("update " + key, s -> {
            LogRow current = expectRevision(s, "update", key, expectedModRevision);
            return appendPut(s, key, value, 0, Optional.of(current));
        });
    }

    KeyValue delete(String key, long expectedModRevision) {
        checkKey(key, new byte[0]);
        return write("delete " + key, s -> {
            LogRow current = expectRevision(s, "delete", key, expectedModRevision);
            appendDelete(s, current);
            return current.keyValue();
        });
    }

    /** Drops the rows no reader at or after {@code revision} can need; see {@link SqliteSchema}. */
    void compact(long revision) {
        write("compact " + revision, s -> {
            long head = s.queryLong(0, SqliteReader.CURRENT_REV);
            if (revision > head) {
                throw new DatastoreException(db.describe() + ": compact to revision " + revision
                        + ": that is in the future (current revision " + head + ")");
            }
            if (revision <= s.queryLong(0, SqliteReader.COMPACT_REV)) {
                return null; // already compacted that far
            }
            s.update("DELETE FROM kv WHERE rev <= ?1 AND (deleted = 1 OR rev < (SELECT max(k.rev) FROM kv k "
                    + "WHERE k.key = kv.key AND k.rev <= ?1))", revision);
            s.update("UPDATE meta SET value = ? WHERE name = 'compact_rev'", revision);
            return null;
        });
    }

    /**
     * Runs {@code work} in one immediate transaction. Domain exceptions thrown by the work roll it back and
     * propagate unchanged; SQLite errors are translated to name the file.
     */
    <T> T write(String operation, SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new DatastoreException(db.describe() + ": " + operation + ": store is closed");
            }
            highestAppended = 0;
            boolean done = false;
            session.exec("BEGIN IMMEDIATE");
            try {
                T result = work.run(session);
                session.exec("COMMIT");
                done = true;
                return result;
            } finally {
                if (!done) {
                    session.rollbackQuietly();
                } else if (highestAppended > 0) {
                    committed.accept(highestAppended);
                }
            }
        } catch (SQLException e) {
            throw db.failure(operation, e);
        } finally {
            lock.unlock();
        }
    }

    /** The key's current row, or empty if it never existed or its latest row is a deletion. */
    static Optional<LogRow> live(SqliteSession s, String key) throws SQLException {
        return SqliteReader.latest(s, key).filter(r -> !r.deleted());
    }

    /** Appends a put row after {@code live} (the key's current row, or empty for a create). */
    KeyValue appendPut(SqliteSession s, String key, byte[] value, long lease, Optional<LogRow> live)
            throws SQLException {
        long rev;
        if (live.isEmpty()) {
            long prev = SqliteReader.latest(s, key).map(LogRow::rev).orElse(0L);
            rev = append(s, key, true, false, 0, prev, 1, lease, value);
            return new KeyValue(key, value, rev, rev, 1, lease);
        }
        KeyValue before = live.get().keyValue();
        rev = append(s, key, false, false, before.createRevision(), before.modRevision(), before.version() + 1,
                lease, value);
        return new KeyValue(key, value, before.createRevision(), rev, before.version() + 1, lease);
    }

    /** Appends a deletion row for the key whose current row is {@code live}. */
    long appendDelete(SqliteSession s, LogRow live) throws SQLException {
        KeyValue gone = live.keyValue();
        return append(s, gone.key(), false, true, gone.createRevision(), gone.modRevision(), gone.version(),
                gone.lease(), gone.value());
    }

    private long append(SqliteSession s, String key, boolean created, boolean deleted, long createRev, long prevRev,
                        long version, long lease, byte[] value) throws SQLException {
        try (ResultSet rs = s.prepare(APPEND, key, created ? 1 : 0, deleted ? 1 : 0, createRev, prevRev, version,
                lease, value).executeQuery()) {
            rs.next();
            long rev = rs.getLong(1);
            highestAppended = Math.max(highestAppended, rev);
            return rev;
        }
    }

    private LogRow expectRevision(SqliteSession s, String op, String key, long expected) throws SQLException {
        LogRow current = live(s, key).orElseThrow(() -> new KeyNotFoundException(
                db.describe() + ": " + op + " " + key + ": key not found"));
        if (expected != 0 && current.rev() != expected) {
            throw new CasConflictException(db.describe() + ": " + op + " " + key + ": expected modRevision "
                    + expected + " but the key is at " + current.rev() + " (re-read and retry)");
        }
        return current;
    }

    private static void checkKey(String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key is null or empty");
        }
        if (value == null) {
            throw new IllegalArgumentException("value of " + key + " is null");
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            session.close();
        } finally {
            lock.unlock();
        }
    }
}
