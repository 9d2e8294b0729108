package dev.calyx.agent.cni;

import dev.calyx.cni.wire.CniError;

/**
 * A failure that reaches the runtime as a CNI error object. Codes 1–99 keep their spec meaning
 * (7 bad config, 11 try again later, 50 not available…); calyx's own codes start at 100.
 * Handlers throw this; anything else they throw is reported as 999 (internal error).
 */
public class CniException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String details;

    public CniException(int code, String msg, String details) {
        super(msg);
        this.code = code;
        this.details = details == null ? "" : details;
        new CniError(code, msg, details); // fail fast on a code <= 0 or an empty message
    }

    public CniException(int code, String msg) {
        this(code, msg, "");
    }

    public int code() {
        return code;
    }

    public String details() {
        return details;
    }

    public CniError toError() {
        return new CniError(code, getMessage(), details);
    }

    @Override
    public String toString() {
        return "CNI error " + code + ": " + getMessage() + (details.isEmpty() ? "" : " (" + details + ")");
    }
}
