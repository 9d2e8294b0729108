package dev.calyx.preflight;

/** What a kernel probe found: the feature works, the kernel refused it, or the probe could not tell. */
public sealed interface ProbeOutcome {
    String evidence();

    /** The kernel created (and we deleted) the test object. */
    record Present(String evidence) implements ProbeOutcome {}

    /** The kernel refused in a way that means "not built or not loadable" (Unknown device type, EOPNOTSUPP). */
    record Missing(String evidence) implements ProbeOutcome {}

    /** The probe could not run (tool not installed, no privileges): say why, conclude nothing. */
    record Unknown(String evidence) implements ProbeOutcome {}

    /** Classifies a failed kernel answer: feature-absent messages are Missing, anything else Unknown. */
    static ProbeOutcome refused(String what, String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        boolean absent = m.contains("unknown device type") || m.contains("not supported") || m.contains("eopnotsupp")
                || m.contains("no such file or directory") || m.contains("protocol not supported")
                || m.contains("missing kernel module") || m.contains("address family not supported");
        return absent ? new Missing(what + ": " + message) : new Unknown(what + ": " + message);
    }
}
