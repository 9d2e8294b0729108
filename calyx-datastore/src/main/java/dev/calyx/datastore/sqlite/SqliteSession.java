package dev.calyx.datastore.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One SQLite connection with its prepared statements cached by SQL text.
 *
 * <p>The connection stays in JDBC auto-commit mode and transactions are opened with explicit {@code BEGIN} /
 * {@code BEGIN IMMEDIATE} statements: sqlite-jdbc's own non-auto-commit mode re-opens a transaction eagerly after
 * every commit, which for an IMMEDIATE transaction would hold the database's write lock between our writes and
 * starve other processes.
 *
 * <p>Thread safety: none; a session is used by one thread at a time (the writer's lock or the reader pool ensure it).
 */
final class SqliteSession implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqliteSession(Connection connection) {
        this.connection = connection;
    }

    /** The cached statement for {@code sql}, with parameters cleared and {@code args} bound in order. */
    PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    /**
     * Runs a statement without results (BEGIN, COMMIT, DDL). Not through the statement cache: a cached
     * ROLLBACK statement failed to end transactions in sqlite-jdbc 3.54 ("cannot start a transaction within a
     * transaction" on the next BEGIN).
     */
    void exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row as a long; {@code absent} when there is no row or the value is NULL. */
    long queryLong(long absent, String sql, Object... args) throws SQLException {
        try (ResultSet rs = prepare(sql, args).executeQuery()) {
            if (!rs.next()) {
                return absent;
            }
            long v = rs.getLong(1);
            return rs.wasNull() ? absent : v;
        }
    }

    int update(String sql, Object... args) throws SQLException {
        return prepare(sql, args).executeUpdate();
    }

    /** Ends whatever transaction is open; "no transaction is active" is fine (SQLite may have rolled back). */
    void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // Nothing was open any more.
        }
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the file handle goes with the process anyway.
        }
    }
}
