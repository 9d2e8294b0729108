package dev.calyx.lab;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one case: every probe with what was observed and the cells that differ, or the error that stopped
 * the case (a policy that did not decode, a probe that could not run).
 */
public record CaseResult(ConformanceCase conformanceCase, List<ProbeResult> probes, Optional<String> error) {
    public CaseResult {
        Objects.requireNonNull(conformanceCase, "conformanceCase");
        probes = List.copyOf(probes);
        Objects.requireNonNull(error, "error");
    }

    /** One probe of one step. */
    public record ProbeResult(int step, ProbeSpec probe, Matrix observed, List<Matrix.CellDiff> differences) {
        public ProbeResult {
            differences = List.copyOf(differences);
        }

        public boolean passed() {
            return differences.isEmpty();
        }
    }

    public boolean passed() {
        return error.isEmpty() && probes.stream().allMatch(ProbeResult::passed);
    }
}
