package dev.calyx.datastore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.datastore.sqlite.SqliteKvStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeriodicCompactorTest {
    @TempDir
    Path dir;

    @Test
    void compactsAtTheRevisionSeenOneIntervalEarlier() {
        try (SqliteKvStore store = SqliteKvStore.open(dir.resolve("c.db"))) {
            store.put("/k", "0".getBytes(UTF_8));
            PeriodicCompactor compactor = PeriodicCompactor.start(store, Duration.ofDays(1)); // the test ticks
            compactor.close();
            KeyValue first = store.put("/k", "1".getBytes(UTF_8));
            KeyValue second = store.put("/k", "2".getBytes(UTF_8));

            compactor.tick(); // compacts at the head seen at start
            assertThat(store.compactRevision()).isEqualTo(first.modRevision() - 1);
            store.put("/k", "3".getBytes(UTF_8));
            compactor.tick();

            assertThat(store.compactRevision()).isEqualTo(second.modRevision());
            assertThat(store.get("/k").orElseThrow().valueAsString()).isEqualTo("3");
        }
    }
}
