package dev.calyx.datastore.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.calyx.datastore.WatchEvent;
import dev.calyx.datastore.WatchListener;
import dev.calyx.datastore.DatastoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Child process for the two-process test: watches {@code /two/} from revision 0, writes {@code count} keys
 * {@code /two/<name>/<i>}, waits until its watch has seen {@code expected} events (its own writes and its peer's),
 * then prints {@code EVENT <rev> <key>} for each event seen, in delivery order, and {@code DONE}.
 */
public final class ChildWriteAndWatchMain {
    private ChildWriteAndWatchMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path db = Path.of(args[0]);
        String name = args[1];
        int count = Integer.parseInt(args[2]);
        int expected = Integer.parseInt(args[3]);
        List<WatchEvent> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (SqliteKvStore store = SqliteKvStore.open(db);
             var watch = store.watch("/two/", 0, new WatchListener() {
                 @Override
                 public void onEvents(List<WatchEvent> events) {
                     synchronized (seen) {
                         seen.addAll(events);
                         if (seen.size() >= expected) {
                             done.countDown();
                         }
                     }
                 }

                 @Override
                 public void onError(DatastoreException error) {
                     System.out.println("ERROR " + error.getMessage());
                     done.countDown();
                 }
             })) {
            for (int i = 0; i < count; i++) {
                store.put("/two/" + name + "/" + i, ("v" + i).getBytes(UTF_8));
            }
            if (!done.await(90, TimeUnit.SECONDS)) {
                System.out.println("TIMEOUT");
            }
            synchronized (seen) {
                for (WatchEvent e : seen) {
                    System.out.println("EVENT " + e.revision() + " " + e.key());
                }
            }
            System.out.println("DONE");
        }
    }
}
