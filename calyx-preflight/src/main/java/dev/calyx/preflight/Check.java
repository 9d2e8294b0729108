package dev.calyx.preflight;

import java.util.List;

/**
 * One preflight check, or one family of closely related checks that share a costly setup (the kernel probes share
 * one scratch network namespace). Checks only read the host; the single exception is binding a port for an
 * instant to see whether it is free. Anything that changes the host belongs in {@link NetworkManagerFix}.
 */
public interface Check {
    /** A short name for the family, used when the check itself crashes. */
    String name();

    /** Runs the check; returns at least one result. Unexpected exceptions are turned into FAIL rows by the engine. */
    List<CheckResult> run(PreflightContext ctx);
}
