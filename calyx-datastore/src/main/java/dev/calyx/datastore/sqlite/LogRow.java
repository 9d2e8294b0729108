package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.KeyValue;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of the revision log (see {@link SqliteSchema} for the meaning of the columns). */
record LogRow(long rev, String key, boolean created, boolean deleted, long createRev, long prevRev, long version,
              long lease, byte[] value) {

    static final String COLUMNS = "rev, key, created, deleted, create_rev, prev_rev, version, lease, value";

    static LogRow read(ResultSet rs) throws SQLException {
        byte[] value = rs.getBytes(9);
        return new LogRow(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0, rs.getInt(4) != 0, rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), value == null ? new byte[0] : value);
    }

    /** The key's value as this row wrote it (a put row), or as it was just before this deletion (a delete row). */
    KeyValue keyValue() {
        if (deleted) {
            return new KeyValue(key, value, createRev, prevRev, version, lease);
        }
        return new KeyValue(key, value, created ? rev : createRev, rev, version, lease);
    }
}
