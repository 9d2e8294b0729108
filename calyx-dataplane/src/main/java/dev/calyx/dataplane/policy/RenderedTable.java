package dev.calyx.dataplane.policy;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the {@code inet calyx} table should hold: chains, sets, and the two dispatch verdict maps
 * (interface name → endpoint chain). Comparable as a value, so tests can check rendering without a kernel.
 */
public record RenderedTable(SortedMap<String, ChainDef> chains, SortedMap<String, SetDef> sets,
                            SortedMap<String, String> fromWorkload, SortedMap<String, String> toWorkload) {
    public RenderedTable {
        chains = Collections.unmodifiableSortedMap(new TreeMap<>(chains));
        sets = Collections.unmodifiableSortedMap(new TreeMap<>(sets));
        fromWorkload = Collections.unmodifiableSortedMap(new TreeMap<>(fromWorkload));
        toWorkload = Collections.unmodifiableSortedMap(new TreeMap<>(toWorkload));
    }

    /** Rules over all chains: what grows with endpoints and policies. */
    public int ruleCount() {
        return chains.values().stream().mapToInt(c -> c.rules().size()).sum();
    }

    /** Elements over all sets and both dispatch maps. */
    public int elementCount() {
        return sets.values().stream().mapToInt(s -> s.elements().size()).sum() + fromWorkload.size()
                + toWorkload.size();
    }
}
