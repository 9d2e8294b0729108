package dev.calyx.calc;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Felix's label-inheritance index: an item's effective labels are its parents' (profiles')
 * {@code labelsToApply}, earlier parents winning, overridden by its own labels. When a profile's labels change,
 * only the items that name it are re-announced (an index from profile to items), so a namespace relabel costs
 * the namespace's size, not the cluster's.
 *
 * <p>Thread safety: none; owned by the graph's thread.
 */
final class LabelInheritance {
    /** Hears items with their effective labels. */
    interface Listener {
        /** {@code old} is the previous data of the item, or null if it is new. */
        void itemUpdated(EndpointData data, Map<String, String> labels, EndpointData old);

        void itemRemoved(EndpointData old);
    }

    private final Listener listener;
    private final Map<EndpointKey, EndpointData> items = new HashMap<>();
    private final Map<String, Map<String, String>> profileLabels = new HashMap<>();
    private final Map<String, Set<EndpointKey>> itemsByProfile = new HashMap<>();

    LabelInheritance(Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    void updateItem(EndpointData data) {
        EndpointData old = items.put(data.key(), data);
        if (data.equals(old)) {
            return;
        }
        if (old != null) {
            unlinkParents(old);
        }
        data.profiles().forEach(p -> itemsByProfile.computeIfAbsent(p, k -> new HashSet<>()).add(data.key()));
        listener.itemUpdated(data, labels(data), old);
    }

    void removeItem(EndpointKey key) {
        EndpointData old = items.remove(key);
        if (old != null) {
            unlinkParents(old);
            listener.itemRemoved(old);
        }
    }

    /** Sets (null: removes) the labels a profile applies. */
    void updateProfileLabels(String profile, Map<String, String> labels) {
        Map<String, String> now = labels == null || labels.isEmpty() ? null : Map.copyOf(labels);
        Map<String, String> old = now == null ? profileLabels.remove(profile) : profileLabels.put(profile, now);
        if (Objects.equals(old, now)) {
            return;
        }
        for (EndpointKey key : List.copyOf(itemsByProfile.getOrDefault(profile, Set.of()))) {
            EndpointData data = items.get(key);
            listener.itemUpdated(data, labels(data), data);
        }
    }

    private void unlinkParents(EndpointData old) {
        for (String p : old.profiles()) {
            Set<EndpointKey> keys = itemsByProfile.get(p);
            keys.remove(old.key());
            if (keys.isEmpty()) {
                itemsByProfile.remove(p);
            }
        }
    }

    private Map<String, String> labels(EndpointData data) {
        Map<String, String> labels = new HashMap<>();
        List<String> parents = data.profiles();
        for (int i = parents.size() - 1; i >= 0; i--) {
            labels.putAll(profileLabels.getOrDefault(parents.get(i), Map.of()));
        }
        labels.putAll(data.ownLabels());
        return labels;
    }
}
