package dev.calyx.cli.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts per-object outcomes and prints calicoctl-style summaries: "12 created, 3 unchanged, 1 failed". */
final class Tally {
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String outcome) {
        counts.merge(outcome, 1, Integer::sum);
    }

    int failed() {
        return counts.getOrDefault("failed", 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
        if (counts.isEmpty()) {
            return "no resources found";
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
