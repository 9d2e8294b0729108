package dev.calyx.datastore;

/** The backend could not be reached within its timeout; the message says what and where. */
public class DatastoreUnavailableException extends DatastoreException {
    public DatastoreUnavailableException(String message) {
        super(message);
    }

    public DatastoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
