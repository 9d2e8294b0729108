package dev.calyx.cni.wire;

/** A frame that is truncated, oversized or not ours; the message names the field at fault. */
public final class WireFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }
}
