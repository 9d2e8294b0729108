package dev.calyx.model.selector;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one label test under which {@link SelectorIndex} files a selector: a test every endpoint the selector
 * matches must pass, so endpoints failing it never need evaluating.
 *
 * <p>Derived from the tree like Calico's {@code LabelRestrictions}: {@code k == v} and {@code k in {…}} require
 * {@code k} with one of some values; {@code has}, {@code contains}, {@code starts with} and {@code ends with}
 * require {@code k} present; {@code &&} combines its operands' requirements (intersecting value sets);
 * {@code ||} keeps only keys every branch requires (uniting value sets); {@code !}, {@code !=},
 * {@code not in}, {@code all()} and {@code global()} require nothing. Everything is conservative: a term may
 * admit endpoints the selector rejects, never the other way round.
 */
sealed interface IndexTerm {

    /** Matching endpoints carry {@code key} with one of {@code values} (non-empty). */
    record KeyValues(String key, Set<String> values) implements IndexTerm {
        public KeyValues {
            values = Set.copyOf(values);
        }
    }

    /** Matching endpoints carry {@code key}, with any value. */
    record KeyPresent(String key) implements IndexTerm {}

    /** No label test is implied: the selector must be tried on every endpoint. */
    record Unindexed() implements IndexTerm {}

    /** The selector can match nothing ({@code a == "x" && a == "y"}, {@code a in {}}). */
    record Never() implements IndexTerm {}

    /**
     * The most selective term implied by {@code expr}: a value set (smallest first) beats mere presence,
     * which beats nothing. Ties go to the smallest key so the choice is deterministic.
     */
    static IndexTerm of(SelectorExpr expr) {
        Map<String, Set<String>> required = new TreeMap<>(required(expr));
        IndexTerm best = new Unindexed();
        int bestSize = Integer.MAX_VALUE;
        for (var e : required.entrySet()) {
            Set<String> values = e.getValue();
            if (values == null) {
                if (best instanceof Unindexed) {
                    best = new KeyPresent(e.getKey());
                }
            } else if (values.isEmpty()) {
                return new Never();
            } else if (values.size() < bestSize) {
                best = new KeyValues(e.getKey(), values);
                bestSize = values.size();
            }
        }
        return best;
    }

    /** Keys a match requires, each mapped to its allowed values or to {@code null} for "any value". */
    private static Map<String, Set<String>> required(SelectorExpr expr) {
        Map<String, Set<String>> out = new HashMap<>();
        switch (expr) {
            case SelectorExpr.Equals e -> out.put(e.label(), new HashSet<>(Set.of(e.value())));
            case SelectorExpr.In in -> out.put(in.label(), new HashSet<>(in.values()));
            case SelectorExpr.Has h -> out.put(h.label(), null);
            case SelectorExpr.Contains c -> out.put(c.label(), null);
            case SelectorExpr.StartsWith s -> out.put(s.label(), null);
            case SelectorExpr.EndsWith s -> out.put(s.label(), null);
            case SelectorExpr.And and -> and.operands().forEach(op -> intersectInto(out, required(op)));
            case SelectorExpr.Or or -> {
                out.putAll(required(or.operands().getFirst()));
                or.operands().subList(1, or.operands().size()).forEach(op -> uniteInto(out, required(op)));
            }
            case SelectorExpr.NotEquals ignored -> { }
            case SelectorExpr.NotIn ignored -> { }
            case SelectorExpr.Not ignored -> { }
            case SelectorExpr.All ignored -> { }
            case SelectorExpr.Global ignored -> { }
        }
        return out;
    }

    /** Both must hold: every key of either is required; values narrow to the common ones. */
    private static void intersectInto(Map<String, Set<String>> acc, Map<String, Set<String>> more) {
        more.forEach((key, values) -> {
            if (!acc.containsKey(key) || acc.get(key) == null) {
                acc.put(key, values);
            } else if (values != null) {
                acc.get(key).retainAll(values);
            }
        });
    }

    /** Either may hold: only keys both require stay; values widen to either side's, or to any. */
    private static void uniteInto(Map<String, Set<String>> acc, Map<String, Set<String>> other) {
        acc.keySet().retainAll(other.keySet());
        acc.replaceAll((key, values) -> {
            Set<String> otherValues = other.get(key);
            if (values == null || otherValues == null) {
                return null;
            }
            values.addAll(otherValues);
            return values;
        });
    }
}
