package dev.calyx.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Felix's event sequencer: remembers what was last reported for every key and, on flush, recomputes only the
 * dirty keys, reports those whose value changed, and orders the calls so nothing refers to what the dataplane
 * has not got yet: adds/updates of IP sets, policies, profiles, endpoints, then removals in reverse. IP sets are
 * reported whole when new and as member deltas afterwards; the reported members are kept here (sorted) so that
 * {@link #snapshot()} can show them.
 *
 * <p>Thread safety: none; owned by the graph's thread.
 */
final class OutputCache {
    private record ReportedSet(boolean namedPort, TreeSet<IpSetMember> members) {
        IpSet toIpSet(String id) {
            return new IpSet(id, namedPort, List.copyOf(members));
        }
    }

    private final Map<String, ReportedSet> ipSets = new HashMap<>();
    private final Map<PolicyKey, ResolvedPolicy> policies = new HashMap<>();
    private final Map<String, ResolvedPolicy> profiles = new HashMap<>();
    private final Map<EndpointKey, EndpointPolicy> endpoints = new HashMap<>();

    /** Where the current desired value of each kind of key comes from (null = absent). */
    record Sources(Function<String, IpSetChange> ipSet, Function<PolicyKey, ResolvedPolicy> policy,
                   Function<String, ResolvedPolicy> profile, Function<EndpointKey, EndpointPolicy> endpoint) {
    }

    void flush(DirtyKeys dirty, Sources now, DataplaneCallbacks out) {
        List<String> goneSets = flushIpSets(dirty, now, out);
        List<PolicyKey> gonePolicies = diff(dirty.policies, policies, now.policy(), out::policyUpdated);
        List<String> goneProfiles = diff(dirty.profiles, profiles, now.profile(), out::profileUpdated);
        List<EndpointKey> goneEndpoints = diff(dirty.endpoints, endpoints, now.endpoint(),
                (k, v) -> out.endpointUpdated(v));
        goneEndpoints.forEach(out::endpointRemoved);
        goneProfiles.forEach(out::profileRemoved);
        gonePolicies.forEach(out::policyRemoved);
        goneSets.forEach(out::ipSetRemoved);
        dirty.clear();
    }

    DesiredState snapshot() {
        TreeMap<String, IpSet> sets = new TreeMap<>();
        ipSets.forEach((id, s) -> sets.put(id, s.toIpSet(id)));
        return new DesiredState(new TreeMap<>(endpoints), new TreeMap<>(policies), new TreeMap<>(profiles), sets);
    }

    private List<String> flushIpSets(DirtyKeys dirty, Sources now, DataplaneCallbacks out) {
        List<String> gone = new ArrayList<>();
        for (String id : dirty.ipSets) {
            switch (now.ipSet().apply(id)) {
                case IpSetChange.Absent a -> {
                    if (ipSets.remove(id) != null) {
                        gone.add(id);
                    }
                }
                case IpSetChange.Full f -> {
                    ReportedSet old = ipSets.put(id, new ReportedSet(f.set().namedPort(),
                            new TreeSet<>(f.set().members())));
                    if (old == null || !old.toIpSet(id).equals(f.set())) {
                        out.ipSetUpdated(f.set());
                    }
                }
                case IpSetChange.Delta d -> {
                    if (!d.isEmpty()) {
                        ReportedSet reported = ipSets.get(id);
                        reported.members().addAll(d.added());
                        reported.members().removeAll(d.removed());
                        out.ipSetMembersChanged(id, d.added(), d.removed());
                    }
                }
            }
        }
        return gone;
    }

    private <K, V> List<K> diff(Iterable<K> dirty, Map<K, V> reported, Function<K, V> now, BiConsumer<K, V> update) {
        List<K> gone = new ArrayList<>();
        for (K key : dirty) {
            V value = now.apply(key);
            V old = value == null ? reported.remove(key) : reported.put(key, value);
            if (value == null && old != null) {
                gone.add(key);
            } else if (value != null && !Objects.equals(old, value)) {
                update.accept(key, value);
            }
        }
        return gone;
    }
}
