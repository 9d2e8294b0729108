package dev.calyx.lab;

/** A model, case or matrix text that does not have the documented shape; the message names the file and field. */
public final class LabFormatException extends RuntimeException {
    public LabFormatException(String message) {
        super(message);
    }

    public LabFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
