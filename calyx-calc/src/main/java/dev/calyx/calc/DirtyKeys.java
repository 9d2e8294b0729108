package dev.calyx.calc;

import java.util.TreeSet;

/** Keys whose output may have changed since the last flush, one sorted set per output kind. */
final class DirtyKeys {
    final TreeSet<String> ipSets = new TreeSet<>();
    final TreeSet<PolicyKey> policies = new TreeSet<>();
    final TreeSet<String> profiles = new TreeSet<>();
    final TreeSet<EndpointKey> endpoints = new TreeSet<>();

    void clear() {
        ipSets.clear();
        policies.clear();
        profiles.clear();
        endpoints.clear();
    }
}
