package dev.calyx.lab;

import java.util.List;

/** The human report of a conformance run: one block per case, then {@code N passed, M failed}. */
public final class ConformanceReport {
    private ConformanceReport() {}

    /** One case: a PASS/FAIL line, and for a failure the error or each differing probe with its cells. */
    public static String describe(CaseResult r) {
        ConformanceCase c = r.conformanceCase();
        StringBuilder out = new StringBuilder();
        out.append(r.passed() ? "PASS " : "FAIL ").append(c.id()).append(' ').append(c.slug()).append('\n');
        r.error().ifPresent(e -> out.append("  error: ").append(e).append('\n'));
        for (CaseResult.ProbeResult p : r.probes()) {
            if (p.passed()) {
                continue;
            }
            out.append("  step ").append(p.step()).append(", ").append(p.probe().protocol()).append(' ')
                    .append(p.probe().port()).append(": ").append(p.differences().size())
                    .append(" differing cell(s)\n");
            p.differences().forEach(d -> out.append("    ").append(d).append('\n'));
            out.append("    observed:\n");
            p.observed().render().lines().forEach(l -> out.append("      ").append(l).append('\n'));
        }
        return out.toString();
    }

    public static String summary(List<CaseResult> results) {
        long passed = results.stream().filter(CaseResult::passed).count();
        return passed + " passed, " + (results.size() - passed) + " failed";
    }
}
