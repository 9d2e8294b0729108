package dev.calyx.calc;

import dev.calyx.model.selector.SelectorIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Members of the active IP sets. An IP set is active while some active rule refers to it ({@link #addRef} /
 * {@link #removeRef} count those references); its selector then sits in a {@link SelectorIndex} over ALL
 * endpoints and network sets, local or remote, and each match start/stop adds/removes that item's contribution:
 * its addresses, or for a named-port set its (address, protocol, port) triples for the named port.
 *
 * <p>Members are counted, not just collected, because two items may contribute the same address (a network set
 * and a pod inside it); a member leaves the set when its last contributor does. An item whose addresses change
 * without a label change re-contributes only to the sets that already hold it. A set is reported dirty only when
 * a member appears or disappears, and the appearances and disappearances since the last flush are kept (an
 * appearance cancels a pending disappearance and vice versa), so a big set costs the dataplane its delta, not
 * its size, on every change.
 *
 * <p>Thread safety: none; owned by the graph's thread.
 */
final class IpSetCalculator implements SelectorIndex.MatchListener<String, EndpointKey> {
    private final SelectorIndex<String, EndpointKey> index = new SelectorIndex<>(this);
    private final Map<EndpointKey, EndpointData> items = new HashMap<>();
    private final Map<String, IpSetSpec> specs = new HashMap<>();
    private final Map<String, Integer> refs = new HashMap<>();
    private final Map<String, Map<IpSetMember, Integer>> members = new HashMap<>();
    private final Map<String, PendingDelta> deltas = new HashMap<>();
    private final Set<String> fresh = new HashSet<>();
    private final Consumer<String> dirty;
    private EndpointKey updating;

    IpSetCalculator(Consumer<String> dirty) {
        this.dirty = Objects.requireNonNull(dirty, "dirty");
    }

    void addRef(IpSetSpec spec) {
        if (refs.merge(spec.id(), 1, Integer::sum) == 1) {
            specs.put(spec.id(), spec);
            members.put(spec.id(), new HashMap<>());
            fresh.add(spec.id());
            deltas.remove(spec.id());
            dirty.accept(spec.id());
            index.updateSelector(spec.id(), spec.selector());
        }
    }

    void removeRef(String id) {
        int left = refs.merge(id, -1, Integer::sum);
        if (left == 0) {
            index.deleteSelector(id);
            refs.remove(id);
            specs.remove(id);
            members.remove(id);
            deltas.remove(id);
            fresh.remove(id);
            dirty.accept(id);
        }
    }

    void updateItem(EndpointData data, Map<String, String> labels) {
        EndpointData old = items.put(data.key(), data);
        Set<String> before = old == null ? Set.of() : index.selectorsMatching(data.key());
        updating = data.key();
        try {
            index.updateEndpoint(data.key(), labels);
        } finally {
            updating = null;
        }
        Set<String> after = index.selectorsMatching(data.key());
        for (String set : before) {
            if (!after.contains(set) || !contribution(set, old).equals(contribution(set, data))) {
                subtract(set, contribution(set, old));
            }
        }
        for (String set : after) {
            if (!before.contains(set) || !contribution(set, old).equals(contribution(set, data))) {
                add(set, contribution(set, data));
            }
        }
    }

    void removeItem(EndpointKey key) {
        EndpointData old = items.get(key);
        if (old != null) {
            index.deleteEndpoint(key);
            items.remove(key);
        }
    }

    @Override
    public void matchStarted(String set, EndpointKey item) {
        if (!item.equals(updating)) {
            add(set, contribution(set, items.get(item)));
        }
    }

    @Override
    public void matchStopped(String set, EndpointKey item) {
        if (!item.equals(updating)) {
            subtract(set, contribution(set, items.get(item)));
        }
    }

    /** The set as the dataplane should see it, or null if it is not active. */
    IpSet desired(String id) {
        IpSetSpec spec = specs.get(id);
        if (spec == null) {
            return null;
        }
        List<IpSetMember> sorted = new ArrayList<>(members.get(id).keySet());
        sorted.sort(null);
        return new IpSet(id, spec.namedPort(), sorted);
    }

    /** The change of a set since the last {@link #changesReported()}. */
    IpSetChange change(String id) {
        if (!specs.containsKey(id)) {
            return new IpSetChange.Absent();
        }
        if (fresh.contains(id)) {
            return new IpSetChange.Full(desired(id));
        }
        PendingDelta d = deltas.get(id);
        return d == null ? new IpSetChange.Delta(List.of(), List.of())
                : new IpSetChange.Delta(List.copyOf(d.added), List.copyOf(d.removed));
    }

    /** The output cache has reported every change: start collecting afresh. */
    void changesReported() {
        fresh.clear();
        deltas.clear();
    }

    /** Total members over all active sets (for the growth test). */
    int memberCount() {
        return members.values().stream().mapToInt(Map::size).sum();
    }

    private List<IpSetMember> contribution(String set, EndpointData item) {
        IpSetSpec spec = specs.get(set);
        if (item == null || spec == null) {
            return List.of();
        }
        List<IpSetMember> out = new ArrayList<>();
        if (!spec.namedPort()) {
            item.addresses().forEach(a -> out.add(IpSetMember.net(a)));
            return out;
        }
        for (EndpointData.NamedPort p : item.ports()) {
            if (p.name().equals(spec.portName()) && p.protocol() == spec.protocol()) {
                item.addresses().forEach(a -> out.add(new IpSetMember(a, p.protocol(), p.port())));
            }
        }
        return out;
    }

    private void add(String set, List<IpSetMember> contribution) {
        Map<IpSetMember, Integer> m = members.get(set);
        for (IpSetMember member : contribution) {
            if (m.merge(member, 1, Integer::sum) == 1) {
                delta(set).appeared(member);
                dirty.accept(set);
            }
        }
    }

    private void subtract(String set, List<IpSetMember> contribution) {
        Map<IpSetMember, Integer> m = members.get(set);
        for (IpSetMember member : contribution) {
            int left = m.merge(member, -1, Integer::sum);
            if (left == 0) {
                m.remove(member);
                delta(set).disappeared(member);
                dirty.accept(set);
            }
        }
    }

    private PendingDelta delta(String set) {
        return deltas.computeIfAbsent(set, k -> new PendingDelta());
    }

    /** Net member changes of one set since the last flush. */
    private static final class PendingDelta {
        final TreeSet<IpSetMember> added = new TreeSet<>();
        final TreeSet<IpSetMember> removed = new TreeSet<>();

        void appeared(IpSetMember m) {
            if (!removed.remove(m)) {
                added.add(m);
            }
        }

        void disappeared(IpSetMember m) {
            if (!added.remove(m)) {
                removed.add(m);
            }
        }
    }
}
