package dev.calyx.dataplane.policy;

import dev.calyx.kernel.nft.NftSetSpec;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A mutable picture of the table, used twice by {@link PolicyManager}: what we want, and what we last applied (or
 * listed on resync). Sets keep their elements in nft's listed form; dispatch maps map interface → chain.
 * Not thread-safe: owned by the manager's event loop.
 */
final class TableState {
    final Map<String, ChainDef> chains = new HashMap<>();
    final Map<String, NftSetSpec> setSpecs = new HashMap<>();
    final Map<String, Set<String>> elements = new HashMap<>();
    final Map<String, String> fromWorkload = new HashMap<>();
    final Map<String, String> toWorkload = new HashMap<>();

    void putSet(SetDef set) {
        setSpecs.put(set.spec().name(), set.spec());
        elements.put(set.spec().name(), new TreeSet<>(set.elements()));
    }

    void removeSet(String name) {
        setSpecs.remove(name);
        elements.remove(name);
    }

    /** Makes this state equal to {@code other} for the named objects (after a successful apply). */
    void copyFrom(TableState other, Dirty dirty) {
        for (String c : dirty.chains) {
            copy(other.chains, chains, c);
        }
        for (String s : dirty.sets) {
            copy(other.setSpecs, setSpecs, s);
            Set<String> e = other.elements.get(s);
            if (e == null) {
                elements.remove(s);
            } else {
                elements.put(s, IntervalCover.of(other.setSpecs.get(s).keyType(), e));
            }
        }
        dirty.from.forEach(i -> copy(other.fromWorkload, fromWorkload, i));
        dirty.to.forEach(i -> copy(other.toWorkload, toWorkload, i));
    }

    void clear() {
        chains.clear();
        setSpecs.clear();
        elements.clear();
        fromWorkload.clear();
        toWorkload.clear();
    }

    RenderedTable snapshot() {
        var sets = new java.util.TreeMap<String, SetDef>();
        setSpecs.forEach((n, spec) -> sets.put(n, new SetDef(spec, new TreeSet<>(elements.get(n)))));
        return new RenderedTable(new java.util.TreeMap<>(chains), sets, new java.util.TreeMap<>(fromWorkload),
                new java.util.TreeMap<>(toWorkload));
    }

    private static <V> void copy(Map<String, V> from, Map<String, V> to, String key) {
        V v = from.get(key);
        if (v == null) {
            to.remove(key);
        } else {
            to.put(key, v);
        }
    }

    /** Names whose desired and applied values may differ. */
    static final class Dirty {
        final Set<String> chains = new TreeSet<>();
        final Set<String> sets = new TreeSet<>();
        final Set<String> from = new TreeSet<>();
        final Set<String> to = new TreeSet<>();

        boolean isEmpty() {
            return chains.isEmpty() && sets.isEmpty() && from.isEmpty() && to.isEmpty();
        }

        void clear() {
            chains.clear();
            sets.clear();
            from.clear();
            to.clear();
        }

        void addAll(TableState s) {
            chains.addAll(s.chains.keySet());
            sets.addAll(s.setSpecs.keySet());
            from.addAll(s.fromWorkload.keySet());
            to.addAll(s.toWorkload.keySet());
        }
    }
}
