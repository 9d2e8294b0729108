package dev.calyx.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Felix's event sequencer: remembers what was last reported for every key and, on flush, recomputes only the
 * dirty keys, reports those whose value changed, and orders the calls so nothing refers to what the dataplane
 * has not got yet: adds/updates of IP sets, policies, profiles, endpoints, then removals in reverse.
 *
 * <p>Thread safety: none; owned by the graph's thread.
 */
final class OutputCache {
    private final Map<String, IpSet> ipSets = new HashMap<>();
    private final Map<PolicyKey, ResolvedPolicy> policies = new HashMap<>();
    private final Map<String, ResolvedPolicy> profiles = new HashMap<>();
    private final Map<EndpointKey, EndpointPolicy> endpoints = new HashMap<>();

    /** Where the current desired value of each kind of key comes from (null = absent). */
    record Sources(Function<String, IpSet> ipSet, Function<PolicyKey, ResolvedPolicy> policy,
                   Function<String, ResolvedPolicy> profile, Function<EndpointKey, EndpointPolicy> endpoint) {
    }

    void flush(DirtyKeys dirty, Sources now, DataplaneCallbacks out) {
        List<String> goneSets = diff(dirty.ipSets, ipSets, now.ipSet(), (k, v) -> out.ipSetUpdated(v));
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
        return new DesiredState(new java.util.TreeMap<>(endpoints), new java.util.TreeMap<>(policies),
                new java.util.TreeMap<>(profiles), new java.util.TreeMap<>(ipSets));
    }

    private <K, V> List<K> diff(Iterable<K> dirty, Map<K, V> reported, Function<K, V> now,
                                java.util.function.BiConsumer<K, V> update) {
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
