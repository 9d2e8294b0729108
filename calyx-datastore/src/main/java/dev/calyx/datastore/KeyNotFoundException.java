package dev.calyx.datastore;

/** The key (or lease) does not exist. */
public class KeyNotFoundException extends DatastoreException {
    public KeyNotFoundException(String message) {
        super(message);
    }

    public KeyNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
