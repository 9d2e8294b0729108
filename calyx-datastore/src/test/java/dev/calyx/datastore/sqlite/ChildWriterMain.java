package dev.calyx.datastore.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.calyx.datastore.KeyValue;
import java.nio.file.Path;

/**
 * Child process for the crash test: writes {@code /crash/<i>} for i = 0, 1, ... until killed and prints
 * {@code ACK <i> <rev>} after each write returned, i.e. after it was acknowledged as durable.
 */
public final class ChildWriterMain {
    private ChildWriterMain() {}

    public static void main(String[] args) {
        try (SqliteKvStore store = SqliteKvStore.open(Path.of(args[0]))) {
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; ; i++) {
                KeyValue kv = store.put("/crash/" + i, ("value-" + i).getBytes(UTF_8));
                if (i % 3 == 2) {
                    kv = store.put("/crash/" + i, ("value-" + i).getBytes(UTF_8)); // an update too
                }
                System.out.println("ACK " + i + " " + kv.modRevision());
                System.out.flush();
            }
        }
    }
}
