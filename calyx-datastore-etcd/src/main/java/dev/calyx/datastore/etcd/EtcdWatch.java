package dev.calyx.datastore.etcd;

import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.DatastoreUnavailableException;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchEvent;
import dev.calyx.datastore.WatchListener;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SPI watch over a succession of etcd watch streams ("attempts").
 *
 * <h2>Why we resume ourselves</h2>
 * jetcd re-creates a broken watch by itself, but from the revision in the last response header, which can skip
 * events not yet delivered (after a catch-up) or repeat one. Here each attempt is a fresh etcd watch starting right
 * after {@link #lastQueued}, the revision of the last event handed to the listener, and events at or below it are
 * dropped: so the listener sees every revision once, in order, across any number of connection losses. jetcd's own
 * retry is defeated by closing the broken attempt's watcher before its retry fires.
 *
 * <pre>
 *   etcd stream ──onNext──▶ filter rev &gt; lastQueued ──▶ delivery thread ──▶ listener.onEvents
 *        │ onError / onCompleted
 *        ▼
 *   compacted? ── yes ──▶ listener.onError(CompactedException), watch ends
 *        │ no
 *        ▼
 *   close attempt, back off (100 ms doubling to 2 s), new attempt from lastQueued + 1
 * </pre>
 *
 * A watch survives a full cluster outage: it keeps retrying until closed (the store's calls report the outage).
 * A first attempt starts at {@code fromRevision} itself rather than the next revision, so etcd refuses it exactly
 * when {@code fromRevision} is below the compaction point, which is the SPI's rule.
 *
 * <h2>Thread safety</h2>
 * jetcd calls back on its own threads; {@link #lock} guards the attempt state and is never held while calling into
 * jetcd (whose watch lock is held around our onError callback). The listener runs only on the delivery thread.
 */
final class EtcdWatch implements Watch {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdWatch.class);
    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2000;
    /** Consecutive failures other than unavailability (bad request, permission) after which the watch gives up. */
    private static final int MAX_HARD_FAILURES = 5;

    private final io.etcd.jetcd.Watch client;
    private final EtcdCalls calls;
    private final ScheduledExecutorService timer;
    private final String prefix;
    private final WatchListener listener;
    private final Consumer<EtcdWatch> onClosed;
    private final ExecutorService delivery;
    private final Object lock = new Object();

    private long lastQueued;
    private boolean firstAttempt = true;
    private Attempt current;
    private boolean closed;
    private int failures;
    private int hardFailures;
    private int attempts;

    EtcdWatch(io.etcd.jetcd.Watch client, EtcdCalls calls, ScheduledExecutorService timer, String store,
              String prefix, long fromRevision, WatchListener listener, Consumer<EtcdWatch> onClosed) {
        this.client = client;
        this.calls = calls;
        this.timer = timer;
        this.prefix = prefix;
        this.listener = listener;
        this.onClosed = onClosed;
        this.lastQueued = fromRevision;
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "calyx-etcd-watch " + store + " " + prefix);
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens a new etcd watch stream starting after the last queued revision. */
    void connect() {
        Attempt attempt;
        long start;
        synchronized (lock) {
            if (closed) {
                return;
            }
            start = firstAttempt ? Math.max(1, lastQueued) : lastQueued + 1;
            firstAttempt = false;
            attempt = new Attempt();
            current = attempt;
            attempts++;
        }
        WatchOption.Builder option = WatchOption.builder()
                .withRevision(start)
                .withPrevKV(true)
                .withCreateNotify(true)
                .withRequireLeader(true);
        if (prefix.isEmpty()) {
            option.withRange(EtcdConversions.ALL_KEYS_END);
        } else {
            option.isPrefix(true);
        }
        io.etcd.jetcd.Watch.Watcher watcher;
        try {
            watcher = client.watch(EtcdKvStore.rangeKey(prefix), option.build(), attempt);
        } catch (RuntimeException e) {
            end(calls.map(e, "watch " + prefix));
            return;
        }
        boolean drop;
        synchronized (lock) {
            attempt.watcher = watcher;
            drop = attempt.dead || closed;
        }
        if (drop) {
            watcher.close();
        }
    }

    /** How many etcd watch streams this watch has opened (1 + resumptions); for tests and diagnostics. */
    int attempts() {
        synchronized (lock) {
            return attempts;
        }
    }

    @Override
    public void close() {
        Attempt last;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            last = current;
        }
        closeWatcher(last);
        delivery.shutdownNow();
        onClosed.accept(this);
    }

    private void onResponse(Attempt attempt, WatchResponse response) {
        synchronized (lock) {
            if (attempt.dead || closed) {
                return;
            }
            failures = 0;
            hardFailures = 0;
            List<WatchEvent> fresh = new ArrayList<>(response.getEvents().size());
            for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
                WatchEvent event = EtcdConversions.watchEvent(e);
                if (event.revision() > lastQueued) {
                    fresh.add(event);
                }
            }
            if (!fresh.isEmpty()) {
                lastQueued = fresh.getLast().revision();
                List<WatchEvent> batch = List.copyOf(fresh);
                delivery.execute(() -> deliver(batch));
            }
        }
    }

    private void onFailure(Attempt attempt, Throwable cause) {
        DatastoreException error = cause == null
                ? new DatastoreUnavailableException("etcd watch " + prefix + ": stream ended by the server")
                : calls.map(cause, "watch " + prefix);
        long delay;
        boolean giveUp;
        synchronized (lock) {
            if (attempt.dead || closed) {
                return;
            }
            attempt.dead = true;
            if (!(error instanceof CompactedException)) {
                hardFailures = error instanceof DatastoreUnavailableException ? 0 : hardFailures + 1;
            }
            delay = Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS << Math.min(failures, 5));
            failures++;
            giveUp = error instanceof CompactedException || hardFailures >= MAX_HARD_FAILURES;
        }
        onTimer(() -> closeWatcher(attempt), 0);
        if (giveUp) {
            end(error);
            return;
        }
        LOG.warn("etcd watch {} lost after revision {}: {}; resuming in {} ms", prefix, lastQueuedNow(),
                error.getMessage(), delay);
        onTimer(this::connect, delay);
    }

    /** The timer is shut down with the store, possibly while a stream is failing: then there is nothing to do. */
    private void onTimer(Runnable task, long delayMs) {
        try {
            timer.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException storeClosed) {
            LOG.debug("etcd watch {}: store closed, not rescheduling", prefix);
        }
    }

    /** Ends the watch for good: the listener hears the error after every event already queued. */
    private void end(DatastoreException error) {
        Attempt last;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            last = current;
        }
        delivery.execute(() -> listener.onError(error));
        delivery.shutdown();
        onTimer(() -> closeWatcher(last), 0);
        onClosed.accept(this);
    }

    private void deliver(List<WatchEvent> batch) {
        try {
            listener.onEvents(batch);
        } catch (RuntimeException e) {
            LOG.error("etcd watch {}: listener failed on events up to revision {}", prefix,
                    batch.getLast().revision(), e);
        }
    }

    private long lastQueuedNow() {
        synchronized (lock) {
            return lastQueued;
        }
    }

    private void closeWatcher(Attempt attempt) {
        io.etcd.jetcd.Watch.Watcher w;
        synchronized (lock) {
            w = attempt == null ? null : attempt.watcher;
        }
        if (w != null) {
            try {
                w.close();
            } catch (RuntimeException e) {
                LOG.debug("etcd watch {}: closing a broken stream: {}", prefix, e.toString());
            }
        }
    }

    /** One etcd watch stream; once dead, whatever it still reports is ignored. */
    private final class Attempt implements io.etcd.jetcd.Watch.Listener {
        io.etcd.jetcd.Watch.Watcher watcher;
        boolean dead;

        @Override
        public void onNext(WatchResponse response) {
            onResponse(this, response);
        }

        @Override
        public void onError(Throwable t) {
            onFailure(this, t);
        }

        @Override
        public void onCompleted() {
            onFailure(this, null);
        }
    }
}
