package dev.calyx.model.selector;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Selectors filed under their {@link IndexTerm}: by {@code k=v} for each allowed value, by key {@code k}, or in
 * the unindexed list. Answers "which selectors can match an endpoint with these labels".
 */
final class SelectorPostings<S> {
    private final Map<String, Map<String, Set<S>>> byKeyValue = new HashMap<>();
    private final Map<String, Set<S>> byKey = new HashMap<>();
    private final Set<S> unindexed = new HashSet<>();

    void add(S selector, IndexTerm term) {
        switch (term) {
            case IndexTerm.KeyValues kv -> {
                Map<String, Set<S>> values = byKeyValue.computeIfAbsent(kv.key(), k -> new HashMap<>());
                kv.values().forEach(v -> values.computeIfAbsent(v, x -> new HashSet<>()).add(selector));
            }
            case IndexTerm.KeyPresent kp -> byKey.computeIfAbsent(kp.key(), k -> new HashSet<>()).add(selector);
            case IndexTerm.Unindexed u -> unindexed.add(selector);
            case IndexTerm.Never n -> { }
        }
    }

    void remove(S selector, IndexTerm term) {
        switch (term) {
            case IndexTerm.KeyValues kv -> {
                Map<String, Set<S>> values = byKeyValue.get(kv.key());
                for (String v : kv.values()) {
                    Set<S> set = values.get(v);
                    set.remove(selector);
                    if (set.isEmpty()) {
                        values.remove(v);
                    }
                }
                if (values.isEmpty()) {
                    byKeyValue.remove(kv.key());
                }
            }
            case IndexTerm.KeyPresent kp -> {
                Set<S> set = byKey.get(kp.key());
                set.remove(selector);
                if (set.isEmpty()) {
                    byKey.remove(kp.key());
                }
            }
            case IndexTerm.Unindexed u -> unindexed.remove(selector);
            case IndexTerm.Never n -> { }
        }
    }

    /**
     * Hands every selector that may match {@code labels} to {@code sink}: those filed under one of its
     * {@code k=v} pairs or keys, and the unindexed ones. Each selector is filed under one key, so it is handed
     * over at most once.
     */
    void forEachCandidate(Map<String, String> labels, Consumer<S> sink) {
        labels.forEach((k, v) -> {
            Map<String, Set<S>> values = byKeyValue.get(k);
            if (values != null) {
                Set<S> set = values.get(v);
                if (set != null) {
                    set.forEach(sink);
                }
            }
            Set<S> keyed = byKey.get(k);
            if (keyed != null) {
                keyed.forEach(sink);
            }
        });
        unindexed.forEach(sink);
    }

    int unindexedCount() {
        return unindexed.size();
    }
}
