package dev.calyx.calc;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Callbacks that rebuild the desired state from the update stream; what a renderer that keeps no state of its own
 * would see. Also what tests compare against the expected state, which checks the callback stream and not just
 * the graph's bookkeeping. Single-threaded like the graph.
 */
public final class DesiredStateRecorder implements DataplaneCallbacks {
    private final SortedMap<EndpointKey, EndpointPolicy> endpoints = new TreeMap<>();
    private final SortedMap<PolicyKey, ResolvedPolicy> policies = new TreeMap<>();
    private final SortedMap<String, ResolvedPolicy> profiles = new TreeMap<>();
    private final SortedMap<String, IpSet> ipSets = new TreeMap<>();
    private int calls;

    public DesiredState state() {
        return new DesiredState(endpoints, policies, profiles, ipSets);
    }

    /** Callbacks received so far (lets tests check that a no-op flush emits nothing). */
    public int calls() {
        return calls;
    }

    @Override
    public void ipSetUpdated(IpSet ipSet) {
        calls++;
        ipSets.put(ipSet.id(), ipSet);
    }

    @Override
    public void ipSetMembersChanged(String id, java.util.List<IpSetMember> added,
                                    java.util.List<IpSetMember> removed) {
        calls++;
        IpSet old = ipSets.get(id);
        requirePresent(old, "ip set " + id);
        var members = new java.util.TreeSet<>(old.members());
        for (IpSetMember m : added) {
            if (!members.add(m)) {
                throw new IllegalStateException("ip set " + id + ": added member " + m + " was already there");
            }
        }
        for (IpSetMember m : removed) {
            if (!members.remove(m)) {
                throw new IllegalStateException("ip set " + id + ": removed member " + m + " was not there");
            }
        }
        ipSets.put(id, new IpSet(id, old.namedPort(), java.util.List.copyOf(members)));
    }

    @Override
    public void ipSetRemoved(String id) {
        calls++;
        requirePresent(ipSets.remove(id), "ip set " + id);
    }

    @Override
    public void policyUpdated(PolicyKey key, ResolvedPolicy policy) {
        calls++;
        policies.put(key, policy);
    }

    @Override
    public void policyRemoved(PolicyKey key) {
        calls++;
        requirePresent(policies.remove(key), "policy " + key);
    }

    @Override
    public void profileUpdated(String name, ResolvedPolicy profile) {
        calls++;
        profiles.put(name, profile);
    }

    @Override
    public void profileRemoved(String name) {
        calls++;
        requirePresent(profiles.remove(name), "profile " + name);
    }

    @Override
    public void endpointUpdated(EndpointPolicy endpoint) {
        calls++;
        endpoints.put(endpoint.key(), endpoint);
    }

    @Override
    public void endpointRemoved(EndpointKey key) {
        calls++;
        requirePresent(endpoints.remove(key), "endpoint " + key);
    }

    private static void requirePresent(Object removed, String what) {
        if (removed == null) {
            throw new IllegalStateException("removal of " + what + " that was never reported");
        }
    }
}
