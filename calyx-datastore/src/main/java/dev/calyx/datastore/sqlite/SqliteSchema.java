package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.DatastoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The on-disk layout, and the check that a file really holds it.
 *
 * <pre>
 * kv     one row per revision (k3s kine's log): rev, key, created, deleted, create_rev, prev_rev, version, lease,
 *        value. A key's current value is its highest-rev row unless that row is a deletion. create_rev is 0 on
 *        the creating row (the row's own rev is the create revision; it is not known before the insert).
 *        A deletion row repeats the deleted value, its lease, create_rev and version, so watchers can report
 *        what was deleted even after compaction removed the row it replaced.
 * lease  id, ttl_ms, expires_at_ms (wall clock, so that any process can expire due leases)
 * meta   name -> integer: compact_rev
 * </pre>
 *
 * The file is marked with SQLite's {@code application_id} ('CALX') and {@code user_version} (schema version), so
 * that a foreign SQLite database is refused instead of being silently extended with our tables.
 */
final class SqliteSchema {
    static final int APPLICATION_ID = 0x43414c58; // "CALX"
    static final int VERSION = 1;
    /**
     * Files up to this size are checked page by page on open (quick_check reads every page: about 1 ms per MB
     * here), so a damaged file is refused at once; larger ones are checked as they are read, each corrupt page
     * failing with the same kind of error naming the file ({@link SqliteKvStore#verify()} checks all).
     */
    static final long QUICK_CHECK_MAX_BYTES = 64L << 20;

    private static final Map<String, List<String>> TABLES = Map.of(
            "kv", List.of("rev", "key", "created", "deleted", "create_rev", "prev_rev", "version", "lease", "value"),
            "lease", List.of("id", "ttl_ms", "expires_at_ms"),
            "meta", List.of("name", "value"));

    private static final List<String> CREATE = List.of(
            """
            CREATE TABLE kv (rev INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL,
              created INTEGER NOT NULL, deleted INTEGER NOT NULL, create_rev INTEGER NOT NULL,
              prev_rev INTEGER NOT NULL, version INTEGER NOT NULL, lease INTEGER NOT NULL, value BLOB NOT NULL)""",
            "CREATE INDEX kv_key_rev ON kv (key, rev)",
            "CREATE INDEX kv_lease ON kv (lease) WHERE lease != 0",
            "CREATE TABLE lease (id INTEGER PRIMARY KEY AUTOINCREMENT, ttl_ms INTEGER NOT NULL, "
                    + "expires_at_ms INTEGER NOT NULL)",
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
            "INSERT INTO meta (name, value) VALUES ('compact_rev', 0)",
            "PRAGMA application_id = " + APPLICATION_ID,
            "PRAGMA user_version = " + VERSION);

    private final SqliteDatabase db;
    private final long quickCheckMaxBytes;

    SqliteSchema(SqliteDatabase db) {
        this(db, QUICK_CHECK_MAX_BYTES);
    }

    SqliteSchema(SqliteDatabase db, long quickCheckMaxBytes) {
        this.db = db;
        this.quickCheckMaxBytes = quickCheckMaxBytes;
    }

    /**
     * Recognises the file as ours (creating the schema in an empty file), then switches it to WAL. Several
     * processes may race to initialise the same new file: the check is repeated inside the write transaction.
     */
    void ensure(SqliteSession s) {
        try {
            if (fileSize() <= quickCheckMaxBytes) {
                check(s, "quick_check");
            }
            if (!isEmpty(s)) {
                verify(s);
            } else {
                s.exec("BEGIN IMMEDIATE");
                try {
                    if (isEmpty(s)) {
                        for (String sql : CREATE) {
                            s.exec(sql);
                        }
                    }
                    s.exec("COMMIT");
                } finally {
                    s.rollbackQuietly();
                }
                verify(s);
            }
            String mode = queryString(s, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new DatastoreException(db.describe() + ": cannot switch the database to WAL mode (still "
                        + mode + "); is the file on a network file system?");
            }
        } catch (SQLException e) {
            throw db.failure("open", e);
        }
    }

    /**
     * Runs SQLite's {@code quick_check} or {@code integrity_check}; throws naming the file and the first problem.
     * Reading a non-database file fails here with NOTADB, which {@link SqliteDatabase#failure} words.
     */
    void check(SqliteSession s, String pragma) throws SQLException {
        String result = queryString(s, "PRAGMA " + pragma + "(1)");
        if (!"ok".equals(result)) {
            throw new DatastoreException(db.describe() + ": database file is corrupt (" + pragma + ": " + result
                    + ")");
        }
    }

    private long fileSize() {
        try {
            return java.nio.file.Files.size(db.file());
        } catch (java.io.IOException e) {
            return 0; // not created yet
        }
    }

    private static boolean isEmpty(SqliteSession s) throws SQLException {
        return s.queryLong(0, "PRAGMA application_id") == 0 && tables(s).isEmpty();
    }

    private void verify(SqliteSession s) throws SQLException {
        long appId = s.queryLong(0, "PRAGMA application_id");
        if (appId != APPLICATION_ID) {
            throw new DatastoreException(db.describe() + ": is a SQLite database but not a calyx datastore "
                    + "(application_id 0x" + Long.toHexString(appId) + ", tables " + tables(s) + ")");
        }
        long version = s.queryLong(0, "PRAGMA user_version");
        if (version != VERSION) {
            throw new DatastoreException(db.describe() + ": calyx datastore schema version " + version
                    + ", this calyx understands version " + VERSION);
        }
        for (var table : TABLES.entrySet()) {
            Set<String> have = columns(s, table.getKey());
            for (String column : table.getValue()) {
                if (!have.contains(column)) {
                    throw new DatastoreException(db.describe() + ": wrong schema: table " + table.getKey()
                            + (have.isEmpty() ? " is missing" : " lacks column " + column));
                }
            }
        }
    }

    private static List<String> tables(SqliteSession s) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.prepare("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite_%' ORDER BY name").executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Set<String> columns(SqliteSession s, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = s.prepare("SELECT name FROM pragma_table_info(?)", table).executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String queryString(SqliteSession s, String sql) throws SQLException {
        try (ResultSet rs = s.prepare(sql).executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
