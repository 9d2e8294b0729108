package dev.calyx.datastore.etcd;

import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchListener;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The store's open watches and the one timer thread they share for reconnect back-off; closing the store closes
 * them all, so no watch outlives its client.
 */
final class EtcdWatches {
    private final io.etcd.jetcd.Watch client;
    private final EtcdCalls calls;
    private final String store;
    private final ScheduledExecutorService timer;
    private final Set<EtcdWatch> open = ConcurrentHashMap.newKeySet();

    EtcdWatches(io.etcd.jetcd.Watch client, EtcdCalls calls, String store) {
        this.client = client;
        this.calls = calls;
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "calyx-etcd-watch-timer");
            t.setDaemon(true);
            return t;
        });
    }

    Watch start(String prefix, long fromRevision, WatchListener listener) {
        if (fromRevision < 0) {
            throw new IllegalArgumentException("watch " + prefix + ": revision must be >= 0, got " + fromRevision);
        }
        EtcdWatch w = new EtcdWatch(client, calls, timer, store, prefix, fromRevision, listener, open::remove);
        open.add(w);
        w.connect();
        return w;
    }

    void closeAll() {
        open.forEach(EtcdWatch::close);
        timer.shutdownNow();
    }
}
