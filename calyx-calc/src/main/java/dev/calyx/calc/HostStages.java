package dev.calyx.calc;

import java.util.List;

/**
 * The extra policy stages of a HOST endpoint (Felix's untracked, pre-DNAT and forward tiers): doNotTrack policies
 * in both directions (raw table, before conntrack), preDNAT policies on ingress only (before DNAT), and
 * applyOnForward policies for traffic forwarded through the host. Workload endpoints have none:
 * {@link #NONE}. Each list reads like {@link EndpointPolicy#ingress()}; doNotTrack and preDNAT policies never
 * appear in the normal lists.
 */
public record HostStages(List<TierPolicies> untrackedIngress, List<TierPolicies> untrackedEgress,
                         List<TierPolicies> preDnatIngress, List<TierPolicies> forwardIngress,
                         List<TierPolicies> forwardEgress) {
    public static final HostStages NONE = new HostStages(List.of(), List.of(), List.of(), List.of(), List.of());

    public HostStages {
        untrackedIngress = List.copyOf(untrackedIngress);
        untrackedEgress = List.copyOf(untrackedEgress);
        preDnatIngress = List.copyOf(preDnatIngress);
        forwardIngress = List.copyOf(forwardIngress);
        forwardEgress = List.copyOf(forwardEgress);
    }
}
