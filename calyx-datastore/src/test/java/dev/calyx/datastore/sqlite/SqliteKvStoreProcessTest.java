package dev.calyx.datastore.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.datastore.KeyValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store used by several real processes: crash safety and cross-process watches. */
class SqliteKvStoreProcessTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNineAndTheLogStaysConsistent() throws Exception {
        Path db = dir.resolve("crash.db");
        int lastAck = -1;
        try (ChildJvm child = ChildJvm.start(dir, ChildWriterMain.class, db.toString())) {
            assertThat(child.readLine()).as("child stderr in %s", child.stderr()).isEqualTo("READY");
            String line;
            while (lastAck < 300 && (line = child.readLine()) != null) {
                lastAck = Integer.parseInt(line.split(" ")[1]);
            }
            child.kill(); // mid-stream: the child is writing its next key right now
            while ((line = child.readLine()) != null) {
                lastAck = Integer.parseInt(line.split(" ")[1]); // acknowledged before the kill landed
            }
        }
        assertThat(Files.exists(dir.resolve("crash.db-wal"))).as("the kill left the WAL behind").isTrue();

        try (SqliteKvStore store = SqliteKvStore.open(db)) {
            for (int i = 0; i <= lastAck; i++) {
                assertThat(store.get("/crash/" + i)).as("acknowledged key %d", i)
                        .map(KeyValue::valueAsString).contains("value-" + i);
            }
            int present = store.list("/crash/").items().size();
            assertThat(present).as("at most the one write in flight beyond the last ACK")
                    .isBetween(lastAck + 1, lastAck + 2);
        }
        assertLogConsistent(db);
    }

    /** Revisions 1..head with no hole, and per key: versions count up from its create row, prev_rev chains. */
    private static void assertLogConsistent(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT " + LogRow.COLUMNS + " FROM kv ORDER BY rev")) {
            long expectedRev = 1;
            Map<String, LogRow> latest = new HashMap<>();
            while (rs.next()) {
                LogRow row = LogRow.read(rs);
                assertThat(row.rev()).isEqualTo(expectedRev++);
                LogRow before = latest.put(row.key(), row);
                if (before == null) {
                    assertThat(row.created()).isTrue();
                    assertThat(row.version()).isEqualTo(1);
                } else {
                    assertThat(row.prevRev()).isEqualTo(before.rev());
                    assertThat(row.version()).isEqualTo(before.version() + 1);
                    assertThat(row.keyValue().createRevision()).isEqualTo(before.keyValue().createRevision());
                }
            }
            assertThat(expectedRev - 1).isEqualTo(c.createStatement()
                    .executeQuery(SqliteReader.CURRENT_REV).getLong(1));
        }
    }

    @Test
    void twoProcessesWritingAndWatchingEachSeeAllWritesOfBothInOrderOnce() throws Exception {
        Path db = dir.resolve("two.db");
        SqliteKvStore.open(db).close(); // create the file once, so the children do not race on the schema
        int perProcess = 150;
        try (ChildJvm a = ChildJvm.start(dir, ChildWriteAndWatchMain.class, db.toString(), "a",
                     Integer.toString(perProcess), Integer.toString(2 * perProcess));
             ChildJvm b = ChildJvm.start(dir, ChildWriteAndWatchMain.class, db.toString(), "b",
                     Integer.toString(perProcess), Integer.toString(2 * perProcess))) {
            List<String> seenByA = output(a);
            List<String> seenByB = output(b);

            Set<String> allKeys = new HashSet<>();
            for (String p : List.of("a", "b")) {
                for (int i = 0; i < perProcess; i++) {
                    allKeys.add("/two/" + p + "/" + i);
                }
            }
            for (List<String> seen : List.of(seenByA, seenByB)) {
                List<Long> revisions = seen.stream().map(l -> Long.parseLong(l.split(" ")[0])).toList();
                assertThat(revisions).isSorted().doesNotHaveDuplicates().hasSize(2 * perProcess);
                assertThat(seen.stream().map(l -> l.split(" ")[1]).toList()).containsExactlyInAnyOrderElementsOf(allKeys);
            }
            assertThat(seenByA).isEqualTo(seenByB);
        }
    }

    private static List<String> output(ChildJvm child) throws Exception {
        List<String> events = new ArrayList<>();
        String line;
        while ((line = child.readLine()) != null && !line.equals("DONE")) {
            assertThat(line).as("child %d (stderr in %s)", child.pid(), child.stderr()).startsWith("EVENT ");
            events.add(line.substring("EVENT ".length()));
        }
        assertThat(child.waitFor()).as("child exit, stderr in %s", child.stderr()).isZero();
        return events;
    }
}
