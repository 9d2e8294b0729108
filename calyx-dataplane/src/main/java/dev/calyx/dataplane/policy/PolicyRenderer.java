package dev.calyx.dataplane.policy;

import dev.calyx.calc.DesiredState;
import dev.calyx.calc.EndpointKey;
import dev.calyx.calc.EndpointPolicy;
import dev.calyx.calc.IpSet;
import dev.calyx.calc.IpSetMember;
import dev.calyx.calc.PolicyKey;
import dev.calyx.calc.ResolvedPolicy;
import dev.calyx.calc.ResolvedRule;
import dev.calyx.calc.RuleAction;
import dev.calyx.calc.TierPolicies;
import dev.calyx.kernel.nft.NftBaseChain;
import dev.calyx.kernel.nft.NftDataType;
import dev.calyx.kernel.nft.NftSetSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Desired policy state → the objects of the {@code inet calyx} table. Pure: no I/O, same input, same output.
 *
 * <h2>Design</h2>
 * <b>Dispatch.</b> One base chain on the forward hook ({@link PolicyNames#FORWARD_CHAIN}, priority filter, policy
 * accept so that non-workload forwarding is untouched) accepts {@code ct state established,related} first and drops
 * {@code invalid}, then looks the input interface up in the verdict map {@link PolicyNames#FROM_WORKLOAD_MAP}
 * ({@code iifname vmap}), which jumps to that workload's egress chain, and the output interface up in
 * {@link PolicyNames#TO_WORKLOAD_MAP}, which jumps to its ingress chain. A verdict-map lookup is one hash probe
 * whatever the number of endpoints. A {@code cali*} interface that a map does not know yet is dropped: traffic from a
 * pod whose policy is not programmed never passes ("policy before traffic").
 *
 * <p><b>Decisions travel as mark bits, as in Calico (§3.2/§3.3).</b> An nft {@code accept} inside a jumped-to
 * chain ends the packet's traversal of the whole base chain, so an egress chain that accepted would skip the
 * destination pod's ingress chain. Instead, an ALLOW rule sets the accept bit and {@code return}s; PASS sets the
 * pass bit and returns; DENY drops at once (a drop is final everywhere). The endpoint chain reads the bits after
 * each jump: accept bit set → return to the forward chain (allowed in this direction); pass bit set → later policy
 * jumps of the tier are skipped ({@code mark & pass == 0} guards each jump) and the end-of-tier drop is skipped;
 * the pass bit is cleared at the start of the next tier. Falling off the end of the endpoint chain is a
 * {@code drop}. The forward chain clears both bits before each dispatch, so a to-workload decision never inherits
 * the from-workload one, and its unknown-{@code cali*} drop keys on "accept bit not set after the lookup".
 * Only the two bits are touched (and-masks), other software's marks survive.
 *
 * <p><b>Sharing.</b> Each active policy is one chain per direction ({@code cx_pi_*}, {@code cx_po_*}), each profile
 * likewise ({@code cx_ri_*}, {@code cx_ro_*}), jumped to by every endpoint that uses it. An endpoint chain holds
 * two or three rules per policy it uses; a policy chain holds its rules once; each calc IP set is one IPv4 and one
 * IPv6 interval set, referenced by name. So rules grow with the sum of endpoints and policies, not their product
 * (selected endpoint lists live in the sets, which change by element).
 *
 * <p><b>Anti-spoofing.</b> A workload's egress chain first drops IPv4/IPv6 packets whose source is not one of
 * its own addresses (a family it has no address in is dropped entirely).
 *
 * <p>Traffic from a workload to the host (input hook) goes through the same egress chain, after IPv6 neighbour
 * discovery is let through. Host endpoints are not rendered (only workloads): their interfaces are not {@code cali*}, so they are untouched.
 */
public final class PolicyRenderer {
    private static final NftBaseChain FORWARD = NftBaseChain.filter(NftBaseChain.Hook.FORWARD,
            NftBaseChain.Priority.FILTER, NftBaseChain.Policy.ACCEPT);
    private static final NftBaseChain INPUT = NftBaseChain.filter(NftBaseChain.Hook.INPUT,
            NftBaseChain.Priority.FILTER, NftBaseChain.Policy.ACCEPT);
    /** IPv6 neighbour discovery a pod needs with its gateway whatever its egress policy (Calico allows it too). */
    private static final String ALLOW_ND = "icmpv6 type { nd-router-solicit, nd-neighbor-solicit, "
            + "nd-neighbor-advert } accept";

    private PolicyRenderer() {
    }

    /** The whole table for {@code state}. */
    public static RenderedTable render(DesiredState state) {
        Map<String, ChainDef> chains = new TreeMap<>(baseChains());
        Map<String, SetDef> sets = new TreeMap<>();
        Map<String, String> from = new TreeMap<>();
        Map<String, String> to = new TreeMap<>();
        state.ipSets().values().forEach(s -> sets.putAll(ipSets(s)));
        var named = new TreeMap<String, List<IpSetMember>>();
        state.ipSets().values().stream().filter(IpSet::namedPort).forEach(s -> named.put(s.id(), s.members()));
        NamedPortGroups.Lookup ports = NamedPortGroups.Lookup.of(named);
        state.policies().forEach((k, p) -> chains.putAll(policyChains(k, p, ports)));
        state.profiles().forEach((k, p) -> chains.putAll(profileChains(k, p, ports)));
        for (EndpointPolicy ep : state.endpoints().values()) {
            if (rendered(ep)) {
                chains.putAll(endpointChains(ep));
                if (ep.interfaceName() != null) {
                    from.put(ep.interfaceName(), PolicyNames.fromWorkloadChain(ep.key()));
                    to.put(ep.interfaceName(), PolicyNames.toWorkloadChain(ep.key()));
                }
            }
        }
        return new RenderedTable(new TreeMap<>(chains), new TreeMap<>(sets), new TreeMap<>(from), new TreeMap<>(to));
    }

    /** Whether this renderer programs {@code ep} (workload endpoints only). */
    public static boolean rendered(EndpointPolicy ep) {
        return ep.key().type() == EndpointKey.Type.WORKLOAD;
    }

    /** The dispatch verdict maps' specs. */
    public static NftSetSpec dispatchMap(String name) {
        return NftSetSpec.verdictMap(name, NftDataType.IFNAME);
    }

    /**
     * The base chains. Forward: conntrack shortcuts, then the two dispatch lookups with their unknown-cali drops.
     * Input: traffic from a workload to the host itself goes through the workload's egress chain as well (Calico's
     * INPUT dispatch), after neighbour discovery.
     */
    public static Map<String, ChainDef> baseChains() {
        String glob = "\"" + PolicyNames.WORKLOAD_IFACE_GLOB + "\"";
        List<String> rules = List.of(
                "ct state established,related accept",
                "ct state invalid drop",
                PolicyMarks.CLEAR_BOTH,
                "iifname vmap @" + PolicyNames.FROM_WORKLOAD_MAP,
                "iifname " + glob + " " + PolicyMarks.IF_NOT_ACCEPTED + " drop",
                PolicyMarks.CLEAR_BOTH,
                "oifname vmap @" + PolicyNames.TO_WORKLOAD_MAP,
                "oifname " + glob + " " + PolicyMarks.IF_NOT_ACCEPTED + " drop");
        List<String> input = List.of(
                "ct state established,related accept",
                "ct state invalid drop",
                ALLOW_ND,
                PolicyMarks.CLEAR_BOTH,
                "iifname vmap @" + PolicyNames.FROM_WORKLOAD_MAP,
                "iifname " + glob + " " + PolicyMarks.IF_NOT_ACCEPTED + " drop");
        return Map.of(PolicyNames.FORWARD_CHAIN, new ChainDef(Optional.of(FORWARD), rules),
                PolicyNames.INPUT_CHAIN, new ChainDef(Optional.of(INPUT), input));
    }

    static Map<String, ChainDef> policyChains(PolicyKey key, ResolvedPolicy policy, NamedPortGroups.Lookup ports) {
        return Map.of(PolicyNames.policyChain(key, true), ChainDef.regular(rules(policy.ingress(), ports)),
                PolicyNames.policyChain(key, false), ChainDef.regular(rules(policy.egress(), ports)));
    }

    static Map<String, ChainDef> profileChains(String name, ResolvedPolicy profile, NamedPortGroups.Lookup ports) {
        return Map.of(PolicyNames.profileChain(name, true), ChainDef.regular(rules(profile.ingress(), ports)),
                PolicyNames.profileChain(name, false), ChainDef.regular(rules(profile.egress(), ports)));
    }

    /** Both directions' chains of a workload endpoint. */
    public static Map<String, ChainDef> endpointChains(EndpointPolicy ep) {
        List<String> egress = new ArrayList<>();
        egress.add(PolicyMarks.CLEAR_BOTH);
        egress.addAll(antiSpoof(ep.addresses()));
        egress.addAll(directionRules(ep.egress(), ep.profiles(), false));
        List<String> ingress = new ArrayList<>();
        ingress.add(PolicyMarks.CLEAR_BOTH);
        ingress.addAll(directionRules(ep.ingress(), ep.profiles(), true));
        return Map.of(PolicyNames.fromWorkloadChain(ep.key()), ChainDef.regular(egress),
                PolicyNames.toWorkloadChain(ep.key()), ChainDef.regular(ingress));
    }

    /**
     * The kernel sets of one calc IP set: an IPv4 and an IPv6 interval set, or for a named-port set one pair per
     * (protocol, port) group ({@link NamedPortGroups}).
     */
    public static Map<String, SetDef> ipSets(IpSet set) {
        if (set.namedPort()) {
            return NamedPortGroups.sets(set);
        }
        var v4 = new TreeSet<String>();
        var v6 = new TreeSet<String>();
        for (IpSetMember m : set.members()) {
            addMember(PolicyNames.ipSet(set.id(), false), m.net(), v4, v6);
        }
        String n4 = PolicyNames.ipSet(set.id(), false);
        String n6 = PolicyNames.ipSet(set.id(), true);
        return Map.of(n4, new SetDef(addressSet(n4, false), v4), n6, new SetDef(addressSet(n6, true), v6));
    }

    /** Adds {@code net} in nft's listed form to {@code v4} or {@code v6}; {@code set} names it in errors. */
    static void addMember(String set, String net, java.util.Set<String> v4, java.util.Set<String> v6) {
        boolean six = RuleRenderer.familyOf(net) == 6;
        (six ? v6 : v4).add((six ? NftDataType.IPV6_ADDR : NftDataType.IPV4_ADDR).canonical(net, set));
    }

    static NftSetSpec addressSet(String name, boolean v6) {
        return NftSetSpec.set(name, v6 ? NftDataType.IPV6_ADDR : NftDataType.IPV4_ADDR, NftSetSpec.Flag.INTERVAL);
    }

    private static List<String> rules(List<ResolvedRule> rules, NamedPortGroups.Lookup ports) {
        List<String> out = new ArrayList<>();
        rules.forEach(r -> out.addAll(RuleRenderer.render(r, ports)));
        return out;
    }

    private static List<String> antiSpoof(List<String> addresses) {
        List<String> v4 = addresses.stream().filter(a -> RuleRenderer.familyOf(a) == 4).toList();
        List<String> v6 = addresses.stream().filter(a -> RuleRenderer.familyOf(a) == 6).toList();
        return List.of(
                v4.isEmpty() ? "meta nfproto ipv4 drop" : "ip saddr != { " + String.join(", ", v4) + " } drop",
                v6.isEmpty() ? "meta nfproto ipv6 drop" : "ip6 saddr != { " + String.join(", ", v6) + " } drop");
    }

    /** Tiers in order, then profiles, then drop. */
    private static List<String> directionRules(List<TierPolicies> tiers, List<String> profiles, boolean ingress) {
        List<String> out = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            TierPolicies tier = tiers.get(t);
            if (t > 0) {
                out.add(PolicyMarks.CLEAR_PASS);
            }
            for (PolicyKey key : tier.policies()) {
                out.add(PolicyMarks.IF_NOT_PASSED + " jump " + PolicyNames.policyChain(key, ingress));
                out.add(PolicyMarks.IF_ACCEPTED + " return");
            }
            if (tier.defaultAction() == RuleAction.DENY) {
                out.add(PolicyMarks.IF_NOT_PASSED + " drop");
            }
        }
        if (!tiers.isEmpty()) {
            out.add(PolicyMarks.CLEAR_PASS);
        }
        for (String profile : profiles) {
            out.add("jump " + PolicyNames.profileChain(profile, ingress));
            out.add(PolicyMarks.IF_ACCEPTED + " return");
        }
        out.add("drop");
        return out;
    }
}
