package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.KeyNotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Leases: rows of the {@code lease} table with an absolute expiry in wall-clock milliseconds, so that any process
 * using the file can expire them: the first store (of whichever process) that sees a lease past its expiry
 * deletes the lease's keys, writing ordinary deletion rows that watchers see, and drops the lease, all in one
 * write transaction. A process that dies therefore does not leave its leased keys behind for longer than the
 * TTL plus one expiry sweep of any surviving process.
 *
 * <p>Thread safety: stateless apart from the writer it uses.
 */
final class SqliteLeases {
    /** "lease != 0" lets SQLite use the partial index kv_lease, which a bound "lease = ?" alone does not. */
    private static final String KEYS_OF_LEASE = "SELECT DISTINCT key FROM kv WHERE lease = ? AND lease != 0";

    private final SqliteDatabase db;
    private final SqliteWriter writer;
    private final SqliteReader reader;

    SqliteLeases(SqliteDatabase db, SqliteWriter writer, SqliteReader reader) {
        this.db = db;
        this.writer = writer;
        this.reader = reader;
    }

    long grant(Duration ttl) {
        if (ttl == null || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("lease TTL " + ttl + " is not positive");
        }
        long ttlMs = ttl.toMillis();
        return writer.write("grant lease", s -> {
            try (ResultSet rs = s.prepare("INSERT INTO lease (ttl_ms, expires_at_ms) VALUES (?, ?) RETURNING id",
                    ttlMs, System.currentTimeMillis() + ttlMs).executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    void keepAlive(long lease) {
        writer.write("keep lease " + lease + " alive", s -> {
            long now = System.currentTimeMillis();
            int n = s.update("UPDATE lease SET expires_at_ms = ? + ttl_ms WHERE id = ? AND expires_at_ms > ?",
                    now, lease, now);
            if (n == 0) {
                throw notFound("keep lease " + lease + " alive", lease);
            }
            return null;
        });
    }

    void revoke(long lease) {
        writer.write("revoke lease " + lease, s -> {
            if (!expire(s, lease)) {
                throw notFound("revoke lease " + lease, lease);
            }
            return null;
        });
    }

    /** Expires every lease past its expiry; cheap when none is due (one indexed read). */
    void expireDue() {
        long now = System.currentTimeMillis();
        long next = nextExpiry();
        if (next == Long.MAX_VALUE || next > now) {
            return;
        }
        writer.write("expire leases", s -> {
            List<Long> due = new ArrayList<>();
            try (ResultSet rs = s.prepare("SELECT id FROM lease WHERE expires_at_ms <= ?", now).executeQuery()) {
                while (rs.next()) {
                    due.add(rs.getLong(1));
                }
            }
            for (long lease : due) {
                expire(s, lease);
            }
            return null;
        });
    }

    private long nextExpiry() {
        return reader.read("read lease expiry", s -> s.queryLong(Long.MAX_VALUE, "SELECT min(expires_at_ms) FROM lease"));
    }

    static boolean isAlive(SqliteSession s, long lease) throws SQLException {
        return s.queryLong(0, "SELECT count(*) FROM lease WHERE id = ? AND expires_at_ms > ?", lease,
                System.currentTimeMillis()) > 0;
    }

    /** Deletes the lease's live keys and the lease; false if there was no such lease. */
    private boolean expire(SqliteSession s, long lease) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = s.prepare(KEYS_OF_LEASE, lease).executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        for (String key : keys) {
            Optional<LogRow> live = SqliteWriter.live(s, key);
            if (live.isPresent() && live.get().lease() == lease) {
                writer.appendDelete(s, live.get());
            }
        }
        return s.update("DELETE FROM lease WHERE id = ?", lease) > 0;
    }

    private KeyNotFoundException notFound(String op, long lease) {
        return new KeyNotFoundException(db.describe() + ": " + op + ": lease " + lease
                + " not found (expired or revoked)");
    }
}
