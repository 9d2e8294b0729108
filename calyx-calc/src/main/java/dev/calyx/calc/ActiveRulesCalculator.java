package dev.calyx.calc;

import dev.calyx.model.selector.SelectorIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which policies and profiles are active: a policy while its selector matches at least one LOCAL endpoint (a
 * {@link SelectorIndex} over local endpoints, so a policy update evaluates only candidate endpoints and an
 * endpoint update only candidate policies), a profile while a local endpoint names it. Activation takes
 * references on the IP sets of the policy's rules; deactivation drops them. The version whose references are
 * held is remembered ({@code held}), so an update of an active policy swaps references new-before-old and an IP
 * set shared by both versions never flaps.
 *
 * <p>A profile that endpoints name but nobody defined is active with no rules (fail closed, Felix's dummy drop
 * rules).
 *
 * <p>Thread safety: none; owned by the graph's thread.
 */
final class ActiveRulesCalculator implements SelectorIndex.MatchListener<PolicyKey, EndpointKey> {
    private static final CompiledPolicy MISSING_PROFILE = new CompiledPolicy(null, null, null, true, true,
            ResolvedPolicy.EMPTY, Map.of(), CompiledPolicy.Stage.NORMAL, false);

    private final SelectorIndex<PolicyKey, EndpointKey> index = new SelectorIndex<>(this);
    private final Map<PolicyKey, CompiledPolicy> policies = new HashMap<>();
    private final Map<PolicyKey, CompiledPolicy> heldPolicies = new HashMap<>();
    private final Map<PolicyKey, Integer> localMatches = new HashMap<>();
    private final Map<String, CompiledPolicy> profiles = new HashMap<>();
    private final Map<String, CompiledPolicy> heldProfiles = new HashMap<>();
    private final Map<String, Integer> profileRefs = new HashMap<>();
    private final Map<EndpointKey, List<String>> localEndpoints = new HashMap<>();
    private final IpSetCalculator ipSets;
    private final DirtyKeys dirty;

    ActiveRulesCalculator(IpSetCalculator ipSets, DirtyKeys dirty) {
        this.ipSets = ipSets;
        this.dirty = dirty;
    }

    void updatePolicy(PolicyKey key, CompiledPolicy policy) {
        policies.put(key, policy);
        index.updateSelector(key, policy.selector());
        refreshPolicy(key);
        dirty.endpoints.addAll(index.endpointsMatching(key));
    }

    void deletePolicy(PolicyKey key) {
        if (policies.remove(key) != null) {
            index.deleteSelector(key);
            refreshPolicy(key);
        }
    }

    void updateProfile(String name, CompiledPolicy profile) {
        profiles.put(name, profile);
        refreshProfile(name);
    }

    void deleteProfile(String name) {
        if (profiles.remove(name) != null) {
            refreshProfile(name);
        }
    }

    void updateLocalEndpoint(EndpointKey key, Map<String, String> labels, List<String> profileNames) {
        List<String> old = localEndpoints.put(key, profileNames);
        index.updateEndpoint(key, labels);
        profileNames.forEach(p -> profileRefs.merge(p, 1, Integer::sum));
        profileNames.forEach(this::refreshProfile);
        if (old != null) {
            releaseProfiles(old);
        }
        dirty.endpoints.add(key);
    }

    void removeLocalEndpoint(EndpointKey key) {
        List<String> old = localEndpoints.remove(key);
        if (old != null) {
            index.deleteEndpoint(key);
            releaseProfiles(old);
            dirty.endpoints.add(key);
        }
    }

    /** Policies whose selector matches this local endpoint. */
    Set<PolicyKey> policiesMatching(EndpointKey endpoint) {
        return index.selectorsMatching(endpoint);
    }

    CompiledPolicy policy(PolicyKey key) {
        return policies.get(key);
    }

    Set<EndpointKey> localEndpoints() {
        return localEndpoints.keySet();
    }

    /** Rules of an active policy, or null. */
    ResolvedPolicy desiredPolicy(PolicyKey key) {
        CompiledPolicy held = heldPolicies.get(key);
        return held == null ? null : held.rules();
    }

    /** Rules of an active profile, or null. */
    ResolvedPolicy desiredProfile(String name) {
        CompiledPolicy held = heldProfiles.get(name);
        return held == null ? null : held.rules();
    }

    /** Rules over all active policies and profiles (for the growth test). */
    int activeRuleCount() {
        return heldPolicies.values().stream().mapToInt(p -> p.rules().ingress().size() + p.rules().egress().size())
                .sum() + heldProfiles.values().stream()
                .mapToInt(p -> p.rules().ingress().size() + p.rules().egress().size()).sum();
    }

    @Override
    public void matchStarted(PolicyKey policy, EndpointKey endpoint) {
        dirty.endpoints.add(endpoint);
        if (localMatches.merge(policy, 1, Integer::sum) == 1) {
            refreshPolicy(policy);
        }
    }

    @Override
    public void matchStopped(PolicyKey policy, EndpointKey endpoint) {
        dirty.endpoints.add(endpoint);
        if (localMatches.merge(policy, -1, Integer::sum) == 0) {
            localMatches.remove(policy);
            refreshPolicy(policy);
        }
    }

    private void releaseProfiles(List<String> names) {
        for (String p : names) {
            if (profileRefs.merge(p, -1, Integer::sum) == 0) {
                profileRefs.remove(p);
            }
            refreshProfile(p);
        }
    }

    private void refreshPolicy(PolicyKey key) {
        CompiledPolicy want = localMatches.containsKey(key) ? policies.get(key) : null;
        if (swap(heldPolicies, key, want)) {
            dirty.policies.add(key);
        }
    }

    private void refreshProfile(String name) {
        CompiledPolicy want = profileRefs.containsKey(name) ? profiles.getOrDefault(name, MISSING_PROFILE) : null;
        if (swap(heldProfiles, name, want)) {
            dirty.profiles.add(name);
        }
    }

    /** Moves IP-set references from the held version to {@code want}; false when nothing changed. */
    private <K> boolean swap(Map<K, CompiledPolicy> held, K key, CompiledPolicy want) {
        CompiledPolicy have = held.get(key);
        if (have == want) {
            return false;
        }
        if (want != null) {
            want.ipSets().values().forEach(ipSets::addRef);
            held.put(key, want);
        } else {
            held.remove(key);
        }
        if (have != null) {
            have.ipSets().keySet().forEach(ipSets::removeRef);
        }
        return true;
    }
}
