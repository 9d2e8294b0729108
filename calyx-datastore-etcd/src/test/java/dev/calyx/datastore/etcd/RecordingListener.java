package dev.calyx.datastore.etcd;

import static org.awaitility.Awaitility.await;

import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.WatchEvent;
import dev.calyx.datastore.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects a watch's batches and its terminal error, for assertions. */
final class RecordingListener implements WatchListener {
    final List<List<WatchEvent>> batches = new CopyOnWriteArrayList<>();
    volatile DatastoreException error;

    @Override
    public void onEvents(List<WatchEvent> events) {
        batches.add(events);
    }

    @Override
    public void onError(DatastoreException e) {
        error = e;
    }

    List<WatchEvent> events() {
        List<WatchEvent> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    List<Long> revisions() {
        return events().stream().map(WatchEvent::revision).toList();
    }

    List<WatchEvent> awaitEvents(int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> events().size() >= n || error != null);
        return events();
    }

    DatastoreException awaitError() {
        await().atMost(Duration.ofSeconds(30)).until(() -> error != null);
        return error;
    }
}
