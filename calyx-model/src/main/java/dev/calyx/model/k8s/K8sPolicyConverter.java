package dev.calyx.model.k8s;

import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Tier;
import dev.calyx.model.numorstring.Port;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.Rule;
import dev.calyx.model.selector.LabelRequirement;
import dev.calyx.model.selector.LabelSelectors;
import dev.calyx.model.validation.IpNets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Converts a Kubernetes NetworkPolicy to the Calico NetworkPolicy the dataplane enforces, as Calico's
 * {@code K8sNetworkPolicyToCalico} ({@code libcalico-go/lib/backend/k8s/conversion}) does:
 * <ul>
 *   <li>name {@code knp.default.<name>}, same namespace, tier {@code default}, order 1000;</li>
 *   <li>selectors via {@link LabelSelectors} (pod selectors gain {@code projectcalico.org/orchestrator == 'k8s'};
 *       a present-but-empty namespaceSelector is {@code all()});</li>
 *   <li>one Allow rule per (protocol, peer): ports grouped by protocol (default TCP), ranges from
 *       {@code endPort}, named ports kept, overlapping numeric ports merged; a port entry without a number
 *       means all ports of that protocol; no ports at all means any protocol;</li>
 *   <li>ipBlock → {@code nets} (masked) and {@code except} → {@code notNets};</li>
 *   <li>types: the policy's {@code policyTypes}, or (as the API server defaults them) Ingress plus Egress when
 *       there are egress rules.</li>
 * </ul>
 * Pure function; thread-safe.
 */
public final class K8sPolicyConverter {
    public static final String NAME_PREFIX = "knp.default.";
    public static final double ORDER = 1000;

    private K8sPolicyConverter() {
    }

    public static NetworkPolicy toCalico(KubernetesNetworkPolicy np) {
        ObjectMeta m = np.metadata();
        ObjectMeta meta = new ObjectMeta(NAME_PREFIX + m.name(), null, m.namespace(), null, null,
                m.resourceVersion(), m.uid(), m.creationTimestamp(), null, null, null, null, null, null, null);
        var spec = np.spec() != null ? np.spec() : new KubernetesNetworkPolicy.Spec(null, null, null, null);
        List<Rule> ingress = new ArrayList<>();
        if (spec.ingress() != null) {
            spec.ingress().forEach(r -> ingress.addAll(rules(r.from(), r.ports(), true)));
        }
        List<Rule> egress = new ArrayList<>();
        if (spec.egress() != null) {
            spec.egress().forEach(r -> egress.addAll(rules(r.to(), r.ports(), false)));
        }
        String selector = podSelector(spec.podSelector() == null ? LabelSelector.EVERYTHING : spec.podSelector());
        // Empty rule lists are omitted, as Calico's omitempty encoding of the converted policy does.
        return new NetworkPolicy(meta, new NetworkPolicy.Spec(Tier.DEFAULT, ORDER, ingress.isEmpty() ? null : ingress,
                egress.isEmpty() ? null : egress, selector, types(spec), null, null));
    }

    private static List<String> types(KubernetesNetworkPolicy.Spec spec) {
        List<String> declared = spec.policyTypes();
        boolean ingress;
        boolean egress;
        if (declared == null || declared.isEmpty()) {
            ingress = true;
            egress = spec.egress() != null && !spec.egress().isEmpty();
        } else {
            ingress = declared.contains("Ingress");
            egress = declared.contains("Egress");
        }
        List<String> types = new ArrayList<>();
        if (ingress) {
            types.add("Ingress");
        }
        if (egress) {
            types.add("Egress");
        }
        return types.isEmpty() ? List.of("Ingress") : types;
    }

    private static List<Rule> rules(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, boolean ingress) {
        List<NetworkPolicyPeer> peerList = peers == null || peers.isEmpty() ? Arrays.asList((NetworkPolicyPeer) null)
                : peers;
        List<Rule> rules = new ArrayList<>();
        for (var e : protocolPorts(ports).entrySet()) {
            Protocol protocol = e.getKey().isEmpty() ? null : Protocol.fromName(e.getKey());
            List<Port> calicoPorts = e.getValue() == null ? null : simplify(e.getValue());
            for (NetworkPolicyPeer peer : peerList) {
                EntityRule peerRule = peerRule(peer);
                Rule rule = Rule.allow().withProtocol(protocol);
                if (ingress) {
                    rule = rule.withSource(peerRule).withDestination(EntityRule.EMPTY.withPorts(calicoPorts));
                } else {
                    rule = rule.withDestination(peerRule.withPorts(calicoPorts));
                }
                rules.add(rule);
            }
        }
        return rules;
    }

    /** Protocol name ("" = any) to ports (null = all ports), sorted by protocol as Calico does. */
    private static TreeMap<String, List<Port>> protocolPorts(List<NetworkPolicyPort> ports) {
        TreeMap<String, List<Port>> byProtocol = new TreeMap<>();
        if (ports == null || ports.isEmpty()) {
            byProtocol.put("", null);
            return byProtocol;
        }
        for (NetworkPolicyPort port : ports) {
            String protocol = Protocol.fromName(port.protocol() == null ? "TCP" : port.protocol()).toString();
            if (port.port() == null) {
                byProtocol.put(protocol, null);
                continue;
            }
            Port calicoPort;
            if (port.port().isInt()) {
                int p = port.port().intValue();
                calicoPort = port.endPort() != null ? Port.range(p, port.endPort()) : Port.single(p);
            } else {
                calicoPort = Port.named(port.port().stringValue());
            }
            if (!byProtocol.containsKey(protocol)) {
                byProtocol.put(protocol, new ArrayList<>(List.of(calicoPort)));
            } else if (byProtocol.get(protocol) != null) {
                byProtocol.get(protocol).add(calicoPort);
            }
        }
        return byProtocol;
    }

    /** Calico's SimplifyPorts: numeric ports merged into the fewest sorted ranges, then named ports. */
    static List<Port> simplify(List<Port> ports) {
        List<Port> numeric = new ArrayList<>(ports.stream().filter(p -> !p.isNamed()).toList());
        numeric.sort((a, b) -> Long.compare(a.min(), b.min()));
        List<Port> out = new ArrayList<>();
        long min = -1;
        long max = -1;
        for (Port p : numeric) {
            if (min >= 0 && p.min() <= max + 1) {
                max = Math.max(max, p.max());
                continue;
            }
            if (min >= 0) {
                out.add(new Port(min, max, null));
            }
            min = p.min();
            max = p.max();
        }
        if (min >= 0) {
            out.add(new Port(min, max, null));
        }
        ports.stream().filter(Port::isNamed).distinct().forEach(out::add);
        return out;
    }

    private static EntityRule peerRule(NetworkPolicyPeer peer) {
        if (peer == null) {
            return EntityRule.EMPTY;
        }
        if (peer.ipBlock() != null) {
            List<String> nets = List.of(masked(peer.ipBlock().cidr()));
            List<String> except = peer.ipBlock().except() == null ? List.of()
                    : peer.ipBlock().except().stream().map(K8sPolicyConverter::masked).toList();
            return EntityRule.EMPTY.withNets(nets, except.isEmpty() ? null : except);
        }
        String selector = podSelector(peer.podSelector());
        String nsSelector = namespaceSelector(peer.namespaceSelector());
        return EntityRule.selecting(selector, nsSelector.isEmpty() ? null : nsSelector);
    }

    private static String masked(String cidr) {
        IpNets.Net n = IpNets.parseCidrOrIp(cidr);
        return n == null ? cidr : n.networkString();
    }

    /** A pod selector (null = every pod) as Calico selector text. */
    public static String podSelector(LabelSelector s) {
        if (s == null) {
            return LabelSelectors.podSelectorText(null, null);
        }
        return LabelSelectors.podSelectorText(s.matchLabels() == null ? java.util.Map.of() : s.matchLabels(),
                requirements(s));
    }

    /** A namespace selector (null = the policy's namespace, "" returned; empty = {@code all()}). */
    public static String namespaceSelector(LabelSelector s) {
        if (s == null) {
            return LabelSelectors.namespaceSelectorText(null, null);
        }
        return LabelSelectors.namespaceSelectorText(s.matchLabels() == null ? java.util.Map.of() : s.matchLabels(),
                requirements(s));
    }

    private static List<LabelRequirement> requirements(LabelSelector s) {
        if (s.matchExpressions() == null) {
            return List.of();
        }
        return s.matchExpressions().stream().map(r -> new LabelRequirement(r.key(),
                LabelRequirement.Operator.fromApi(r.operator()), r.values())).toList();
    }
}
