package dev.calyx.preflight;

/**
 * Outcome of one preflight check. Only {@link #FAIL} makes {@code calyx preflight} exit 1: a WARN is something the
 * user should know (a feature this host rules out, a firewall that may interfere) but that does not stop calyx in
 * the chosen configuration; SKIP means the check does not apply or could not run, and says why.
 */
public enum Status {
    PASS, WARN, FAIL, SKIP
}
