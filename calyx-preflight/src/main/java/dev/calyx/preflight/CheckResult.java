package dev.calyx.preflight;

import java.util.List;
import java.util.Objects;

/**
 * One row of the preflight report.
 *
 * @param name     the check, stable and machine-friendly ("kernel.vxlan", "cni.config-dir", "pool 10.244.0.0/16")
 * @param status   the outcome
 * @param evidence what was observed, concretely (the file, value, kernel answer) so the user can verify it
 * @param fix      the exact action that resolves a WARN or FAIL; empty for PASS and SKIP
 * @param rulesOut calyx modes or features this finding makes impossible on this host (e.g. "mode ipip"), empty
 *                 when it rules nothing out
 */
public record CheckResult(String name, Status status, String evidence, String fix, List<String> rulesOut) {
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status of " + name);
        evidence = evidence == null ? "" : evidence;
        fix = fix == null ? "" : fix;
        rulesOut = List.copyOf(rulesOut);
        if ((status == Status.FAIL || status == Status.WARN) && fix.isBlank()) {
            throw new IllegalArgumentException("check " + name + ": a " + status + " result must say how to fix it");
        }
    }

    public static CheckResult pass(String name, String evidence) {
        return new CheckResult(name, Status.PASS, evidence, "", List.of());
    }

    public static CheckResult skip(String name, String why) {
        return new CheckResult(name, Status.SKIP, why, "", List.of());
    }

    public static CheckResult warn(String name, String evidence, String fix) {
        return new CheckResult(name, Status.WARN, evidence, fix, List.of());
    }

    public static CheckResult fail(String name, String evidence, String fix) {
        return new CheckResult(name, Status.FAIL, evidence, fix, List.of());
    }

    public CheckResult withRulesOut(List<String> ruled) {
        return new CheckResult(name, status, evidence, fix, ruled);
    }
}
