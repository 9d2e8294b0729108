package dev.calyx.datastore;

/** Base of every datastore failure; its message names the key or endpoint at fault. */
public class DatastoreException extends RuntimeException {
    public DatastoreException(String message) {
        super(message);
    }

    public DatastoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
