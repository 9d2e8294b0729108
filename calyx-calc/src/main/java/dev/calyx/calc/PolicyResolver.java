package dev.calyx.calc;

import dev.calyx.model.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Felix's policy resolver and sorter: the tiers an endpoint sees and the policies in each, in evaluation order
 * (calico.md §3.7). Tiers sort by order ascending, no order last, ties by name; policies within a tier by order,
 * no order last ({@code +Inf}), ties by name then namespace. Tiers that are not (yet) defined take Calico's
 * built-in values ({@code default} 1 000 000 Deny, {@code kube-admin} 1 000 and {@code kube-baseline}
 * 10 000 000, both Pass); any other unknown tier sorts last and denies, failing closed.
 *
 * <p>Work is per endpoint and proportional to the policies that select it; the graph calls it only for dirty
 * endpoints.
 *
 * <p>Thread safety: none; owned by the graph's thread.
 */
final class PolicyResolver {
    private record TierInfo(String name, Double order, RuleAction defaultAction) {
    }

    private static final Comparator<TierInfo> TIER_ORDER = Comparator
            .comparing(TierInfo::order, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TierInfo::name);

    private final Map<String, TierInfo> tiers = new HashMap<>();

    /** Sets a tier's order and default action; null removes it. True when anything changed. */
    boolean updateTier(String name, Tier tier) {
        TierInfo now = tier == null ? null : new TierInfo(name, tier.spec() == null ? null : tier.spec().order(),
                tier.spec() != null && "Pass".equalsIgnoreCase(tier.spec().defaultAction())
                        ? RuleAction.PASS : RuleAction.DENY);
        TierInfo old = now == null ? tiers.remove(name) : tiers.put(name, now);
        return !java.util.Objects.equals(old, now);
    }

    EndpointPolicy resolve(EndpointData ep, Set<PolicyKey> selecting, Function<PolicyKey, CompiledPolicy> lookup) {
        Map<String, List<PolicyKey>> byTier = new TreeMap<>();
        for (PolicyKey key : selecting) {
            byTier.computeIfAbsent(lookup.apply(key).tier(), t -> new ArrayList<>()).add(key);
        }
        List<TierInfo> sortedTiers = new ArrayList<>(byTier.keySet().stream().map(this::tier).toList());
        sortedTiers.sort(TIER_ORDER);
        Comparator<PolicyKey> policyOrder = Comparator.<PolicyKey, Double>comparing(k -> lookup.apply(k).order(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder());
        byTier.values().forEach(keys -> keys.sort(policyOrder));
        Tiering t = new Tiering(sortedTiers, byTier, lookup);
        Predicate<CompiledPolicy> normal = p -> p.stage() == CompiledPolicy.Stage.NORMAL;
        HostStages host = HostStages.NONE;
        if (ep.key().type() == EndpointKey.Type.HOST) {
            Predicate<CompiledPolicy> untracked = p -> p.stage() == CompiledPolicy.Stage.UNTRACKED;
            Predicate<CompiledPolicy> forward = p -> normal.test(p) && p.applyOnForward();
            host = new HostStages(t.list(untracked, true), t.list(untracked, false),
                    t.list(p -> p.stage() == CompiledPolicy.Stage.PRE_DNAT, true), t.list(forward, true),
                    t.list(forward, false));
        }
        return new EndpointPolicy(ep.key(), ep.interfaceName(), ep.addresses(), t.list(normal, true),
                t.list(normal, false), ep.profiles(), host);
    }

    /** Sorted tiers with their sorted policies, from which each stage/direction list is filtered. */
    private record Tiering(List<TierInfo> tiers, Map<String, List<PolicyKey>> byTier,
                           Function<PolicyKey, CompiledPolicy> lookup) {
        List<TierPolicies> list(Predicate<CompiledPolicy> stage, boolean ingress) {
            List<TierPolicies> out = new ArrayList<>();
            for (TierInfo tier : tiers) {
                List<PolicyKey> keys = byTier.get(tier.name()).stream().filter(k -> {
                    CompiledPolicy p = lookup.apply(k);
                    return stage.test(p) && (ingress ? p.ingress() : p.egress());
                }).toList();
                if (!keys.isEmpty()) {
                    out.add(new TierPolicies(tier.name(), tier.defaultAction(), keys));
                }
            }
            return out;
        }
    }

    private TierInfo tier(String name) {
        TierInfo t = tiers.get(name);
        if (t != null) {
            return t;
        }
        return switch (name) {
            case Tier.DEFAULT -> new TierInfo(name, Tier.DEFAULT_ORDER, RuleAction.DENY);
            case Tier.KUBE_ADMIN -> new TierInfo(name, Tier.KUBE_ADMIN_ORDER, RuleAction.PASS);
            case Tier.KUBE_BASELINE -> new TierInfo(name, Tier.KUBE_BASELINE_ORDER, RuleAction.PASS);
            default -> new TierInfo(name, null, RuleAction.DENY);
        };
    }
}
