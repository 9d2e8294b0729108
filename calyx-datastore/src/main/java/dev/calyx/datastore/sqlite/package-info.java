/**
 * The embedded datastore: {@link dev.calyx.datastore.sqlite.SqliteKvStore}, a {@link dev.calyx.datastore.KvStore}
 * in one SQLite file (k3s kine's revision-log design), served for {@code embedded:PATH} by
 * {@link dev.calyx.datastore.sqlite.EmbeddedKvStoreProvider}.
 */
package dev.calyx.datastore.sqlite;
