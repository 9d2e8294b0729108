package dev.calyx.ipam;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link IpamCheck} saw: counts and findings, as written to {@code calyx ipam check -o report.json} and read
 * back by {@code calyx ipam release --from-report}.
 *
 * @param revision the store revision the check started at (for the record; releases re-validate per address)
 */
public record IpamReport(String version, String generatedAt, long revision, int blocks, int allocations,
                         int handles, int affinities, List<Finding> findings) {
    public static final String VERSION = "calyx.dev/ipam-report/v1";

    public IpamReport {
        findings = List.copyOf(findings);
    }

    @JsonIgnore
    public List<Finding> of(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    @JsonIgnore
    public boolean clean() {
        return findings.isEmpty();
    }

    /** Finding counts by kind, in kind order. */
    @JsonIgnore
    public Map<Finding.Kind, Integer> counts() {
        Map<Finding.Kind, Integer> m = new TreeMap<>();
        findings.forEach(f -> m.merge(f.kind(), 1, Integer::sum));
        return m;
    }
}
