package dev.calyx.calc;

import java.util.List;

/**
 * One tier as an endpoint sees it in one direction: the tier's policies that select the endpoint and apply in that
 * direction, in evaluation order. A tier is listed only when it has at least one such policy, and then its
 * {@code defaultAction} ({@code DENY}, or {@code PASS} to the next tier) applies to traffic no policy decided
 * ("end-of-tier drop"). Tiers with no selecting policy for the direction are skipped entirely, which is what
 * makes Kubernetes isolation per direction.
 */
public record TierPolicies(String tier, RuleAction defaultAction, List<PolicyKey> policies) {
    public TierPolicies {
        policies = List.copyOf(policies);
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("tier " + tier + ": listed without policies");
        }
        if (defaultAction != RuleAction.DENY && defaultAction != RuleAction.PASS) {
            throw new IllegalArgumentException("tier " + tier + ": default action " + defaultAction);
        }
    }
}
