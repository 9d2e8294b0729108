package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchListener;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells watches that the log grew, and sweeps due leases.
 *
 * <p>Design: SQLite has no cross-process change notification, so one poller thread per store reads the head
 * revision every {@link #POLL} (one indexed lookup in {@code sqlite_sequence}) and publishes it; writes of this
 * process publish their revision right after COMMIT, so in-process watchers do not wait for the poll. Watches
 * read the log themselves ({@link SqliteWatch}); the hub only carries "the head is now at least N", which keeps it
 * free of per-watch state and makes a missed or early signal harmless: a watch always re-reads from its own
 * position, so it can neither skip nor repeat a revision. The poller also runs the lease sweep every
 * {@link #LEASE_SWEEP}.
 *
 * <p>Thread safety: {@link #published} is guarded by {@link #lock}; everything else is confined or concurrent.
 */
final class SqliteWatchHub implements AutoCloseable {
    static final Duration POLL = Duration.ofMillis(10);
    static final Duration LEASE_SWEEP = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(SqliteWatchHub.class);

    private final SqliteDatabase db;
    private final SqliteReader reader;
    private final Runnable leaseSweep;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private final Set<SqliteWatch> watches = ConcurrentHashMap.newKeySet();
    private final Thread poller;
    private long published;
    private volatile boolean closed;
    private String lastProblem;

    SqliteWatchHub(SqliteDatabase db, SqliteReader reader, Runnable leaseSweep) {
        this.db = db;
        this.reader = reader;
        this.leaseSweep = leaseSweep;
        this.poller = Thread.ofPlatform().daemon().name("calyx-sqlite-poll " + db.file()).unstarted(this::poll);
    }

    void start() {
        poller.start();
    }

    Watch watch(String prefix, long fromRevision, WatchListener listener) {
        KeyRange.ofPrefix(prefix); // validates
        if (listener == null) {
            throw new IllegalArgumentException("watch " + prefix + ": listener is null");
        }
        if (closed) {
            throw new DatastoreException(db.describe() + ": watch " + prefix + ": store is closed");
        }
        SqliteWatch w = new SqliteWatch(this, reader, prefix, fromRevision, listener);
        watches.add(w);
        w.start();
        return w;
    }

    /** Publishes that the log holds revision {@code revision} (called after a local commit, and by the poller). */
    void published(long revision) {
        lock.lock();
        try {
            if (revision > published) {
                published = revision;
                advanced.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a revision above {@code revision} is published, the wait passes, or the watch is woken. */
    void awaitAbove(long revision, Duration maxWait) throws InterruptedException {
        long nanos = maxWait.toNanos();
        lock.lock();
        try {
            while (published <= revision && nanos > 0 && !closed) {
                nanos = advanced.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    void wakeAll() {
        lock.lock();
        try {
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void ended(SqliteWatch w) {
        watches.remove(w);
    }

    private void poll() {
        long nextSweep = 0;
        while (!closed) {
            try {
                if (!watches.isEmpty()) { // nobody to tell: spare the read
                    published(reader.currentRevision());
                }
                if (System.nanoTime() - nextSweep >= 0) {
                    nextSweep = System.nanoTime() + LEASE_SWEEP.toNanos();
                    leaseSweep.run();
                }
                lastProblem = null;
            } catch (DatastoreException e) {
                if (!closed && !String.valueOf(e.getMessage()).equals(lastProblem)) {
                    lastProblem = e.getMessage();
                    LOG.warn("{} (will retry)", e.getMessage());
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        for (SqliteWatch w : watches) {
            w.close();
        }
        wakeAll();
        join(poller);
        for (SqliteWatch w : watches) {
            w.join();
        }
    }

    static void join(Thread t) {
        if (t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
