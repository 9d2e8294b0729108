package dev.calyx.datastore.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.DatastoreUnavailableException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.RecordingListener;
import dev.calyx.datastore.WatchEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour specific to the embedded store, beyond the backend contract. */
class SqliteKvStoreTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void compactionKeepsTheLatestRowPerKeyAndRecordsTheRevision() throws Exception {
        Path db = dir.resolve("c.db");
        try (SqliteKvStore store = SqliteKvStore.open(db)) {
            for (int i = 0; i < 10; i++) {
                store.put("/k/a", bytes("a" + i));
            }
            store.put("/k/gone", bytes("x"));
            store.delete("/k/gone", 0);
            KeyValue b = store.put("/k/b", bytes("b"));
            store.put("/k/a", bytes("after"));

            store.compact(b.modRevision());
            store.compact(b.modRevision() - 1); // already compacted that far: nothing to do

            assertThat(store.compactRevision()).isEqualTo(b.modRevision());
            assertThat(rows(db)).isEqualTo(3); // a@9, b, a@after
            assertThat(store.list("/k/").items()).extracting(KeyValue::valueAsString).containsExactly("after", "b");
            assertThatThrownBy(() -> store.compact(store.currentRevision() + 5))
                    .isInstanceOf(DatastoreException.class).hasMessageContaining("future");
        }
    }

    @Test
    void aLeaseOfAStoreThatWentAwayIsExpiredByAnotherStoreOnTheFile() {
        Path db = dir.resolve("l.db");
        SqliteKvStore survivor = SqliteKvStore.open(db);
        try (survivor) {
            RecordingListener events = new RecordingListener();
            try (var w = survivor.watch("/leased/", survivor.currentRevision(), events)) {
                try (SqliteKvStore departed = SqliteKvStore.open(db)) {
                    long lease = departed.grantLease(Duration.ofMillis(300));
                    departed.create("/leased/node-1", bytes("alive"), lease);
                }
                var seen = events.awaitEvent(e -> e instanceof WatchEvent.Delete, PATIENCE, "expiry");
                assertThat(((WatchEvent.Delete) seen.getLast()).previous().valueAsString()).isEqualTo("alive");
            }
            assertThat(survivor.get("/leased/node-1")).isEmpty();
        }
    }

    @Test
    void aWriterHeldUpByAnotherProcessBeyondTheTimeoutFailsAsUnavailable() throws Exception {
        Path db = dir.resolve("busy.db");
        try (SqliteKvStore store = SqliteKvStore.open(db, Duration.ofMillis(200));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                assertThatThrownBy(() -> store.put("/k", bytes("v")))
                        .isInstanceOf(DatastoreUnavailableException.class)
                        .hasMessageContaining(db.toString()).hasMessageContaining("locked");
                assertThat(store.get("/k")).isEmpty(); // readers are not blocked by the writer
            } finally {
                s.execute("ROLLBACK");
            }
            assertThat(store.put("/k", bytes("v")).version()).isEqualTo(1);
        }
    }

    @Test
    void aWatchFromAFutureRevisionStartsAfterIt() {
        try (SqliteKvStore store = SqliteKvStore.open(dir.resolve("f.db"))) {
            long from = store.currentRevision() + 3;
            RecordingListener events = new RecordingListener();
            try (var w = store.watch("/f/", from, events)) {
                for (int i = 1; i <= 5; i++) {
                    store.put("/f/" + i, bytes("v"));
                }
                assertThat(events.awaitEvents(2, PATIENCE)).extracting(WatchEvent::key).containsExactly("/f/4", "/f/5");
            }
        }
    }

    @Test
    void connectionsAreDurableAndTheFileIsInWalMode() throws Exception {
        Path db = dir.resolve("d.db");
        SqliteKvStore.open(db).close();
        try (SqliteSession s = new SqliteDatabase(db, Duration.ofSeconds(1)).open()) {
            assertThat(s.queryLong(-1, "PRAGMA synchronous")).as("FULL").isEqualTo(2);
            assertThat(s.queryLong(-1, "PRAGMA busy_timeout")).isEqualTo(1000);
            assertThat(s.queryLong(-1, "PRAGMA application_id")).isEqualTo(SqliteSchema.APPLICATION_ID);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(s.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }

    private static long rows(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            return s.executeQuery("SELECT count(*) FROM kv").getLong(1);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
