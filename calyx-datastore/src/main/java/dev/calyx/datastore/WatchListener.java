package dev.calyx.datastore;

import java.util.List;

/**
 * Receives a watch's events. Calls are made from one thread per watch, never concurrently, in revision order.
 */
public interface WatchListener {
    /** A batch of events in revision order (one revision's events never split across batches). */
    void onEvents(List<WatchEvent> events);

    /**
     * The watch ended and will deliver nothing more: {@link CompactedException} (list again),
     * {@link DatastoreUnavailableException}, or another {@link DatastoreException}.
     */
    void onError(DatastoreException error);
}
