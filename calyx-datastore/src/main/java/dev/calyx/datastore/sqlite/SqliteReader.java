package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.ListResult;
import dev.calyx.datastore.WatchEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Read transactions over a small pool of connections.
 *
 * <p>Design: WAL lets readers run beside the writer (of this or another process) without blocking; a read
 * transaction sees every transaction committed before its first statement, which is what makes reads
 * linearizable: a write is acknowledged only after its COMMIT. Each method runs in one read transaction so that,
 * e.g., a listing and the revision it reports are consistent.
 *
 * <p>Thread safety: any thread; a session is lent to one thread at a time.
 */
final class SqliteReader implements AutoCloseable {
    static final int POOL_SIZE = 4;

    private static final String LATEST = "SELECT " + LogRow.COLUMNS + " FROM kv WHERE key = ? ORDER BY rev DESC LIMIT 1";
    private static final String AT_REV = "SELECT " + LogRow.COLUMNS + " FROM kv WHERE rev = ?";
    static final String CURRENT_REV = "SELECT seq FROM sqlite_sequence WHERE name = 'kv'";
    static final String COMPACT_REV = "SELECT value FROM meta WHERE name = 'compact_rev'";

    private final SqliteDatabase db;
    private final LinkedBlockingDeque<SqliteSession> idle = new LinkedBlockingDeque<>();
    private final Set<SqliteSession> all = ConcurrentHashMap.newKeySet();
    private final Semaphore permits = new Semaphore(POOL_SIZE);
    private volatile boolean closed;

    SqliteReader(SqliteDatabase db) {
        this.db = db;
    }

    /** A batch of watch events, and the revision up to which the log was scanned to find them. */
    record Changes(List<WatchEvent> events, long scannedTo) {}

    Optional<KeyValue> get(String key) {
        return read("get " + key, s -> latest(s, key).filter(r -> !r.deleted()).map(LogRow::keyValue));
    }

    ListResult list(String prefix) {
        KeyRange range = KeyRange.ofPrefix(prefix);
        String sql = "SELECT " + LogRow.COLUMNS + " FROM kv WHERE rev IN (SELECT max(rev) FROM kv WHERE "
                + range.condition() + " GROUP BY key) AND deleted = 0 ORDER BY key";
        return read("list " + prefix, s -> {
            List<KeyValue> items = new ArrayList<>();
            try (ResultSet rs = s.prepare(sql, range.args()).executeQuery()) {
                while (rs.next()) {
                    items.add(LogRow.read(rs).keyValue());
                }
            }
            return new ListResult(items, s.queryLong(0, CURRENT_REV));
        });
    }

    long currentRevision() {
        return read("read current revision", s -> s.queryLong(0, CURRENT_REV));
    }

    long compactRevision() {
        return read("read compact revision", s -> s.queryLong(0, COMPACT_REV));
    }

    /**
     * Up to {@code limit} changes under {@code prefix} after revision {@code after}. Throws
     * {@link CompactedException} when history after {@code after} is no longer complete.
     */
    Changes changes(String prefix, long after, int limit) {
        KeyRange range = KeyRange.ofPrefix(prefix);
        String sql = "SELECT " + LogRow.COLUMNS + " FROM kv WHERE rev > ? AND rev <= ? AND " + range.condition()
                + " ORDER BY rev LIMIT ?";
        return read("watch " + prefix, s -> {
            long compacted = s.queryLong(0, COMPACT_REV);
            if (after < compacted) {
                throw new CompactedException(db.describe() + ": watch " + prefix + " from revision " + after
                        + ": history up to revision " + compacted + " was compacted; list again and watch from "
                        + "the listing's revision");
            }
            long head = s.queryLong(0, CURRENT_REV);
            List<LogRow> rows = new ArrayList<>();
            Object[] args = Stream.of(new Object[] {after, head}, range.args(), new Object[] {limit})
                    .flatMap(Stream::of).toArray();
            try (ResultSet rs = s.prepare(sql, args).executeQuery()) {
                while (rs.next()) {
                    rows.add(LogRow.read(rs));
                }
            }
            List<WatchEvent> events = new ArrayList<>(rows.size());
            for (LogRow row : rows) {
                events.add(toEvent(s, row));
            }
            long scannedTo = rows.size() < limit ? Math.max(head, after) : rows.getLast().rev();
            return new Changes(events, scannedTo);
        });
    }

    private static WatchEvent toEvent(SqliteSession s, LogRow row) throws SQLException {
        if (row.deleted()) {
            return new WatchEvent.Delete(row.key(), row.rev(), row.keyValue());
        }
        KeyValue previous = null;
        if (!row.created()) {
            previous = atRevision(s, row.prevRev()).filter(r -> !r.deleted()).map(LogRow::keyValue).orElse(null);
        }
        return new WatchEvent.Put(row.keyValue(), previous);
    }

    static Optional<LogRow> latest(SqliteSession s, String key) throws SQLException {
        return one(s.prepare(LATEST, key));
    }

    private static Optional<LogRow> atRevision(SqliteSession s, long rev) throws SQLException {
        return one(s.prepare(AT_REV, rev));
    }

    private static Optional<LogRow> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(LogRow.read(rs)) : Optional.empty();
        }
    }

    /** Runs {@code work} in one read transaction on a pooled session. */
    <T> T read(String operation, SqlWork<T> work) {
        SqliteSession s = borrow(operation);
        try {
            s.exec("BEGIN");
            try {
                return work.run(s);
            } finally {
                s.rollbackQuietly(); // ends the read transaction; nothing was written
            }
        } catch (SQLException e) {
            throw db.failure(operation, e);
        } finally {
            idle.push(s);
            permits.release();
        }
    }

    private SqliteSession borrow(String operation) {
        if (closed) {
            throw new DatastoreException(db.describe() + ": " + operation + ": store is closed");
        }
        permits.acquireUninterruptibly();
        SqliteSession s = idle.poll();
        if (s == null) {
            try {
                s = db.open();
            } catch (RuntimeException e) {
                permits.release();
                throw e;
            }
            all.add(s);
        }
        return s;
    }

    @Override
    public void close() {
        closed = true;
        permits.acquireUninterruptibly(POOL_SIZE); // wait for running reads
        all.forEach(SqliteSession::close);
        all.clear();
        idle.clear();
    }
}
