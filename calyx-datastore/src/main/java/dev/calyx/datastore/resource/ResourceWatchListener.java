package dev.calyx.datastore.resource;

import dev.calyx.datastore.DatastoreException;
import java.util.List;

/** Receives a resource watch's events, in revision order, from one thread (see {@link dev.calyx.datastore.WatchListener}). */
public interface ResourceWatchListener {
    void onEvents(List<ResourceEvent> events);

    /** The watch ended: {@link dev.calyx.datastore.CompactedException} means list again and watch from there. */
    void onError(DatastoreException error);
}
