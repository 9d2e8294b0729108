package dev.calyx.datastore;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a store's history bounded: every {@code interval} it compacts at the revision it saw one interval earlier
 * (kube-apiserver's scheme; Calico's kube-controllers does the same for etcd every 10 minutes), so a watcher that
 * is less than one interval behind never meets {@link CompactedException}.
 *
 * <p>Meant for the node agent of an embedded (single-host) installation, where nothing else compacts. Several
 * processes may each run one on the same store: compacting at or below an earlier compaction does nothing.
 *
 * <p>Thread safety: owns one daemon thread; {@link #close} stops it.
 */
public final class PeriodicCompactor implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicCompactor.class);

    private final KvStore store;
    private final ScheduledExecutorService timer;
    private long seenOneIntervalAgo;

    private PeriodicCompactor(KvStore store) {
        this.store = store;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("calyx-compactor").factory());
    }

    public static PeriodicCompactor start(KvStore store, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("compaction interval " + interval + " is not positive");
        }
        PeriodicCompactor c = new PeriodicCompactor(store);
        c.seenOneIntervalAgo = store.currentRevision();
        c.timer.scheduleWithFixedDelay(c::tick, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        return c;
    }

    /** One step: compact at the revision of the previous step, remember the current one for the next. */
    void tick() {
        try {
            long head = store.currentRevision();
            if (seenOneIntervalAgo > 0) {
                store.compact(seenOneIntervalAgo);
            }
            seenOneIntervalAgo = head;
        } catch (DatastoreException e) {
            LOG.warn("compaction of {} failed (will retry next interval): {}", store.describe(), e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
