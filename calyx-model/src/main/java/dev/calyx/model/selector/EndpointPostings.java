package dev.calyx.model.selector;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inverted index of endpoint labels: which endpoints carry key {@code k}, and which carry {@code k=v}. Answers
 * "which endpoints can a selector filed under this {@link IndexTerm} match" without a scan.
 */
final class EndpointPostings<E> {
    private final Map<String, Map<String, Set<E>>> byKeyValue = new HashMap<>();
    private final Map<String, Set<E>> byKey = new HashMap<>();

    void add(E endpoint, Map<String, String> labels) {
        labels.forEach((k, v) -> {
            byKey.computeIfAbsent(k, x -> new HashSet<>()).add(endpoint);
            byKeyValue.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(v, x -> new HashSet<>()).add(endpoint);
        });
    }

    void remove(E endpoint, Map<String, String> labels) {
        labels.forEach((k, v) -> {
            removeFrom(byKey, k, endpoint);
            Map<String, Set<E>> values = byKeyValue.get(k);
            removeFrom(values, v, endpoint);
            if (values.isEmpty()) {
                byKeyValue.remove(k);
            }
        });
    }

    /**
     * Endpoints that pass {@code term}, as a list of sets to walk (no copying); {@code null} means "every
     * endpoint", which the caller holds.
     */
    List<Set<E>> candidates(IndexTerm term) {
        return switch (term) {
            case IndexTerm.KeyValues kv -> {
                Map<String, Set<E>> values = byKeyValue.getOrDefault(kv.key(), Map.of());
                yield kv.values().stream().map(v -> values.getOrDefault(v, Set.of())).toList();
            }
            case IndexTerm.KeyPresent kp -> List.of(byKey.getOrDefault(kp.key(), Set.of()));
            case IndexTerm.Unindexed u -> null;
            case IndexTerm.Never n -> List.of();
        };
    }

    private static <K, T> void removeFrom(Map<K, Set<T>> map, K key, T item) {
        Set<T> set = map.get(key);
        set.remove(item);
        if (set.isEmpty()) {
            map.remove(key);
        }
    }
}
