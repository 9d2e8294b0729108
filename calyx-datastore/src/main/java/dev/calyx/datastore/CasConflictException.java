package dev.calyx.datastore;

/** A compare-and-swap lost: the key changed since it was read. Re-read and retry. */
public class CasConflictException extends DatastoreException {
    public CasConflictException(String message) {
        super(message);
    }

    public CasConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
