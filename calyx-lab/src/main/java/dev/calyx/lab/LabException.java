package dev.calyx.lab;

/** A lab operation (build, probe, teardown) that failed; the message names the namespace, pod or file at fault. */
public final class LabException extends RuntimeException {
    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
