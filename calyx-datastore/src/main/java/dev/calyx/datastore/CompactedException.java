package dev.calyx.datastore;

/** The requested revision was compacted away: list again and watch from the listing's revision. */
public class CompactedException extends DatastoreException {
    public CompactedException(String message) {
        super(message);
    }

    public CompactedException(String message, Throwable cause) {
        super(message, cause);
    }
}
