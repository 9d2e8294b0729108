package dev.calyx.preflight;

import java.util.List;

/** The results of one preflight run, in check order. */
public record PreflightReport(List<CheckResult> results) {
    public PreflightReport {
        results = List.copyOf(results);
    }

    public boolean hasFailures() {
        return results.stream().anyMatch(r -> r.status() == Status.FAIL);
    }

    public long count(Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    /** 0 when nothing failed, 1 otherwise: the CLI's exit code. */
    public int exitCode() {
        return hasFailures() ? 1 : 0;
    }
}
