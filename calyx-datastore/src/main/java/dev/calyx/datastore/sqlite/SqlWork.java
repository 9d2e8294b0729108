package dev.calyx.datastore.sqlite;

import java.sql.SQLException;

/** A unit of work run inside one transaction on one session. */
@FunctionalInterface
interface SqlWork<T> {
    T run(SqliteSession session) throws SQLException;
}
