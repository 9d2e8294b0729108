package dev.calyx.cli;

import dev.calyx.preflight.CheckResult;
import dev.calyx.preflight.PreflightReport;
import dev.calyx.preflight.Status;
import java.io.PrintWriter;
import java.util.List;

/**
 * The human form of a preflight report: one row per check (name, status, evidence), and under each WARN or FAIL
 * row the fix, so the output reads as a to-do list. Evidence is printed whole, never truncated: it is what the
 * user verifies.
 */
final class PreflightTable {
    private PreflightTable() {}

    static void print(PreflightReport report, List<String> changes, boolean fixRequested, PrintWriter out) {
        int nameWidth = Math.max(5, report.results().stream().mapToInt(r -> r.name().length()).max().orElse(5));
        String fmt = "%-" + nameWidth + "s  %-6s %s%n";
        if (fixRequested) {
            out.println(changes.isEmpty() ? "--fix: nothing to change" : "--fix applied:");
            changes.forEach(c -> out.println("  " + c));
            out.println();
        }
        out.printf(fmt, "CHECK", "STATUS", "EVIDENCE");
        for (CheckResult r : report.results()) {
            out.printf(fmt, r.name(), r.status(), r.evidence());
            if (r.status() == Status.FAIL || r.status() == Status.WARN) {
                out.printf(fmt, "", "", "fix: " + r.fix());
            }
        }
        out.println();
        out.printf("%d passed, %d warnings, %d failed, %d skipped: %s%n", report.count(Status.PASS),
                report.count(Status.WARN), report.count(Status.FAIL), report.count(Status.SKIP),
                report.hasFailures() ? "fix the FAIL rows before installing calyx" : "this host is ready for calyx");
    }
}
