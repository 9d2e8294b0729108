package dev.calyx.calc;

import dev.calyx.model.numorstring.Port;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.IcmpFields;
import dev.calyx.model.policy.Rule;
import dev.calyx.model.selector.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Felix's rule scanner, minus the bookkeeping: turns model rules into {@link ResolvedRule}s whose selectors are
 * IP-set ids, and reports every {@link IpSetSpec} it used so the active-rules calculator can count references.
 * A pure function of the rules and the policy's namespace; the graph runs it once per policy version, not per
 * endpoint.
 *
 * <p>Not resolved (documented gaps): {@code services} matches and {@code http} (L7) matches are dropped, the same
 * way a dataplane without those features would; the rest of the rule still applies.
 */
final class RuleResolver {
    private RuleResolver() {
    }

    /** Resolves {@code rules}; specs of the IP sets used are put into {@code ipSets} by id. */
    static List<ResolvedRule> resolve(List<Rule> rules, String namespace, Map<String, IpSetSpec> ipSets,
                                      String owner) {
        if (rules == null) {
            return List.of();
        }
        List<ResolvedRule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            try {
                out.add(resolve(rules.get(i), namespace, ipSets));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(owner + " rule " + i + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static ResolvedRule resolve(Rule rule, String namespace, Map<String, IpSetSpec> ipSets) {
        Integer protocol = protocolNumber(rule.protocol());
        return new ResolvedRule(RuleAction.of(rule.action()), rule.ipVersion(), protocol,
                protocolNumber(rule.notProtocol()), icmp(rule.icmp()), icmp(rule.notICMP()),
                side(rule.sourceOrEmpty(), namespace, protocol, ipSets),
                side(rule.destinationOrEmpty(), namespace, protocol, ipSets));
    }

    private static RuleMatch side(EntityRule side, String namespace, Integer protocol,
                                  Map<String, IpSetSpec> ipSets) {
        Selector selector = PeerSelectors.ofRuleSide(side, namespace);
        List<String> sets = new ArrayList<>();
        if (selector != null) {
            sets.add(use(IpSetSpec.forSelector(selector), ipSets));
        }
        List<String> notSets = new ArrayList<>();
        if (PeerSelectors.nonEmpty(side.notSelector())) {
            notSets.add(use(IpSetSpec.forSelector(PeerSelectors.parse(side.notSelector())), ipSets));
        }
        Selector portOwners = selector == null ? Selector.ALL : selector;
        return new RuleMatch(Nets.normalize(side.nets()), Nets.normalize(side.notNets()), sets, notSets,
                numeric(side.portsOrEmpty()), numeric(side.notPortsOrEmpty()),
                named(side.portsOrEmpty(), portOwners, protocol, ipSets),
                named(side.notPortsOrEmpty(), portOwners, protocol, ipSets));
    }

    private static String use(IpSetSpec spec, Map<String, IpSetSpec> ipSets) {
        ipSets.putIfAbsent(spec.id(), spec);
        return spec.id();
    }

    private static List<PortRange> numeric(List<Port> ports) {
        return ports.stream().filter(p -> !p.isNamed())
                .map(p -> new PortRange((int) p.min(), (int) p.max())).sorted().distinct().toList();
    }

    private static List<String> named(List<Port> ports, Selector owners, Integer protocol,
                                      Map<String, IpSetSpec> ipSets) {
        List<String> ids = new ArrayList<>();
        for (Port p : ports) {
            if (p.isNamed()) {
                if (protocol == null) {
                    throw new IllegalArgumentException("named port " + p.name() + " requires a protocol");
                }
                String id = use(IpSetSpec.forNamedPort(owners, protocol, p.name()), ipSets);
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static Integer protocolNumber(Protocol p) {
        if (p == null) {
            return null;
        }
        int n = p.numeric();
        if (n < 1) {
            throw new IllegalArgumentException("unknown protocol " + p);
        }
        return n;
    }

    private static IcmpMatch icmp(IcmpFields f) {
        return f == null || f.type() == null ? null : new IcmpMatch(f.type(), f.code());
    }
}
