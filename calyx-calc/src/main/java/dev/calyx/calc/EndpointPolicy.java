package dev.calyx.calc;

import java.util.List;
import java.util.Objects;

/**
 * What the dataplane must enforce on one local endpoint: its interface and addresses, then per direction the
 * tiers in order, then the profiles (evaluated when no tier decided; a profile allows or the packet drops).
 * Policies and profiles are referenced by key; their rules are in {@link ResolvedPolicy} once each. Host endpoints
 * also carry the {@link HostStages} of doNotTrack, preDNAT and applyOnForward policies.
 */
public record EndpointPolicy(EndpointKey key, String interfaceName, List<String> addresses,
                             List<TierPolicies> ingress, List<TierPolicies> egress, List<String> profiles,
                             HostStages hostStages) {
    /** An endpoint without host stages (every workload endpoint). */
    public EndpointPolicy(EndpointKey key, String interfaceName, List<String> addresses, List<TierPolicies> ingress,
                          List<TierPolicies> egress, List<String> profiles) {
        this(key, interfaceName, addresses, ingress, egress, profiles, HostStages.NONE);
    }

    public EndpointPolicy {
        Objects.requireNonNull(hostStages, "host stages of " + key);
        Objects.requireNonNull(key, "endpoint key");
        addresses = List.copyOf(addresses);
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
        profiles = List.copyOf(profiles);
    }
}
