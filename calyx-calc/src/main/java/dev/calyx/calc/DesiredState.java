package dev.calyx.calc;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole desired policy state of a node as one comparable value: local endpoints, active policies and
 * profiles, active IP sets. Two graphs fed the same resources have equal desired states.
 */
public record DesiredState(SortedMap<EndpointKey, EndpointPolicy> endpoints,
                           SortedMap<PolicyKey, ResolvedPolicy> policies,
                           SortedMap<String, ResolvedPolicy> profiles,
                           SortedMap<String, IpSet> ipSets) {
    public static final DesiredState EMPTY = new DesiredState(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>());

    public DesiredState {
        endpoints = frozen(endpoints);
        policies = frozen(policies);
        profiles = frozen(profiles);
        ipSets = frozen(ipSets);
    }

    private static <K, V> SortedMap<K, V> frozen(Map<K, V> m) {
        return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }
}
