package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchListener;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch: a thread that reads the log forward from its own position and hands each batch to the listener.
 *
 * <p>Design: the position ({@code after}) is the highest revision already scanned, so each read asks for
 * {@code rev > after} and nothing can be delivered twice or skipped, whatever the hub's signals do; catching up
 * from an old revision and following live writes are the same loop. The listener runs on this thread, outside any
 * database transaction, so a slow listener holds no connection and delays only its own watch.
 *
 * <p>Thread safety: {@link #close} may be called from any thread, including the listener's.
 */
final class SqliteWatch implements Watch {
    static final int BATCH = 512;
    /** Fallback re-read interval if no signal comes (none is needed; this bounds the cost of a lost one). */
    private static final Duration IDLE_RECHECK = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(SqliteWatch.class);

    private final SqliteWatchHub hub;
    private final SqliteReader reader;
    private final String prefix;
    private final WatchListener listener;
    private final Thread thread;
    private long after;
    private volatile boolean closed;

    SqliteWatch(SqliteWatchHub hub, SqliteReader reader, String prefix, long fromRevision, WatchListener listener) {
        this.hub = hub;
        this.reader = reader;
        this.prefix = prefix;
        this.after = fromRevision;
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("calyx-watch " + prefix).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!closed) {
                SqliteReader.Changes changes = reader.changes(prefix, after, BATCH);
                if (closed) {
                    return;
                }
                if (!changes.events().isEmpty() && !deliver(changes)) {
                    return;
                }
                after = changes.scannedTo();
                if (changes.events().size() < BATCH) {
                    hub.awaitAbove(after, IDLE_RECHECK);
                }
            }
        } catch (DatastoreException e) {
            if (!closed) {
                closed = true;
                listener.onError(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.ended(this);
        }
    }

    /** Calls the listener; a listener that throws ends the watch with an error naming the watch. */
    private boolean deliver(SqliteReader.Changes changes) {
        try {
            listener.onEvents(changes.events());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("watch {}: listener failed; ending the watch", prefix, e);
            if (!closed) {
                closed = true;
                listener.onError(new DatastoreException("watch " + prefix + ": listener failed at revision "
                        + changes.events().getFirst().revision() + ": " + e, e));
            }
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        hub.wakeAll();
    }

    void join() {
        SqliteWatchHub.join(thread);
    }
}
