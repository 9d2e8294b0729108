package dev.calyx.model;

/** A kind name or apiVersion/kind pair calyx does not know. */
public final class UnknownKindException extends IllegalArgumentException {
    public UnknownKindException(String message) {
        super(message);
    }
}
