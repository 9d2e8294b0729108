package dev.calyx.calc;

import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.Profile;
import dev.calyx.model.Tier;
import dev.calyx.model.policy.Rule;
import dev.calyx.model.selector.Selector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A policy or profile as the graph keeps it: where it sorts (tier, order), whom it selects, which directions it
 * applies in, its resolved rules and the IP sets those rules need. Built once per input version by
 * {@link #of(GlobalNetworkPolicy)} and friends, which throw {@link IllegalArgumentException} naming the resource
 * on input the graph cannot use (bad selector, named port without protocol) before any state changes.
 *
 * @param order null sorts last, as Calico's nil order
 * @param selector null for profiles (endpoints name their profiles)
 * @param stage where a host endpoint applies it; workload endpoints apply only {@code NORMAL} policies
 */
record CompiledPolicy(String tier, Double order, Selector selector, boolean ingress, boolean egress,
                      ResolvedPolicy rules, Map<String, IpSetSpec> ipSets, Stage stage, boolean applyOnForward) {

    /** Felix's split of policies into the normal filter stage and the host-only raw and pre-DNAT stages. */
    enum Stage { NORMAL, UNTRACKED, PRE_DNAT }

    CompiledPolicy {
        ipSets = java.util.Collections.unmodifiableMap(new TreeMap<>(ipSets));
    }

    static CompiledPolicy of(GlobalNetworkPolicy p) {
        var s = p.spec();
        String owner = "GlobalNetworkPolicy " + p.metadata().name();
        Stage stage = Boolean.TRUE.equals(s.doNotTrack()) ? Stage.UNTRACKED
                : Boolean.TRUE.equals(s.preDNAT()) ? Stage.PRE_DNAT : Stage.NORMAL;
        CompiledPolicy c = wrap(owner, () -> build(owner, s.tier(), s.order(), PeerSelectors.ofPolicy(s.selector(),
                null, s.namespaceSelector(), s.serviceAccountSelector()), s.types(), s.ingress(), s.egress(), null));
        return new CompiledPolicy(c.tier(), c.order(), c.selector(), c.ingress(), c.egress(), c.rules(), c.ipSets(),
                stage, Boolean.TRUE.equals(s.applyOnForward()));
    }

    static CompiledPolicy of(NetworkPolicy p) {
        var s = p.spec();
        String ns = p.metadata().namespace();
        String owner = "NetworkPolicy " + ns + "/" + p.metadata().name();
        return wrap(owner, () -> build(owner, s.tier(), s.order(), PeerSelectors.ofPolicy(s.selector(), ns, null,
                s.serviceAccountSelector()), s.types(), s.ingress(), s.egress(), ns));
    }

    static CompiledPolicy of(Profile p) {
        var s = p.spec();
        String owner = "Profile " + p.metadata().name();
        List<Rule> in = s == null ? null : s.ingress();
        List<Rule> out = s == null ? null : s.egress();
        return wrap(owner, () -> build(owner, null, null, null, List.of("Ingress", "Egress"), in, out, null));
    }

    private static CompiledPolicy build(String owner, String tier, Double order, Selector selector,
                                        List<String> types, List<Rule> in, List<Rule> out, String namespace) {
        boolean ingress = types == null || types.isEmpty() || types.contains("Ingress");
        boolean egress = types == null || types.isEmpty() ? out != null && !out.isEmpty() : types.contains("Egress");
        Map<String, IpSetSpec> sets = new TreeMap<>();
        List<ResolvedRule> inRules = ingress ? RuleResolver.resolve(in, namespace, sets, owner + " ingress")
                : List.of();
        List<ResolvedRule> outRules = egress ? RuleResolver.resolve(out, namespace, sets, owner + " egress")
                : List.of();
        String tierName = tier == null || tier.isBlank() ? Tier.DEFAULT : tier;
        return new CompiledPolicy(tierName, order, selector, ingress, egress,
                new ResolvedPolicy(inRules, outRules), sets, Stage.NORMAL, false);
    }

    private static CompiledPolicy wrap(String owner, java.util.function.Supplier<CompiledPolicy> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage() != null && e.getMessage().startsWith(owner) ? e.getMessage()
                    : owner + ": " + e.getMessage();
            throw new IllegalArgumentException(msg, e);
        }
    }
}
