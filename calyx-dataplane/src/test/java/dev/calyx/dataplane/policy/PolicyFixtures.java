package dev.calyx.dataplane.policy;

import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Profile;
import dev.calyx.model.Tier;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.k8s.LabelSelector;
import dev.calyx.model.k8s.NetworkPolicyIngressRule;
import dev.calyx.model.k8s.NetworkPolicyPeer;
import dev.calyx.model.k8s.NetworkPolicyPort;
import dev.calyx.model.numorstring.IntOrString;
import dev.calyx.model.numorstring.Port;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.Rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Model resources for policy tests, short enough to read like the YAML they stand for. */
final class PolicyFixtures {
    static final String NODE = "node-1";

    private PolicyFixtures() {
    }

    static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static WorkloadEndpoint wep(String ns, String name, String iface, String ip, Map<String, String> labels,
                                WorkloadEndpoint.WorkloadPort... ports) {
        var meta = ObjectMeta.namespaced(ns, name).withLabels(labels);
        return new WorkloadEndpoint(meta, new WorkloadEndpoint.Spec("k8s", null, NODE, null, name, "eth0", null,
                List.of(ip + "/32"), null, null, null, null, iface, null, List.of(ports), null, null));
    }

    static KubernetesNamespace namespace(String name, Map<String, String> labels) {
        return new KubernetesNamespace(ObjectMeta.named(name).withLabels(labels), null, null);
    }

    static GlobalNetworkPolicy gnp(String name, String tier, double order, String selector, List<String> types,
                                   List<Rule> ingress, List<Rule> egress) {
        return new GlobalNetworkPolicy(ObjectMeta.named(name), new GlobalNetworkPolicy.Spec(tier, order, ingress,
                egress, selector, types, null, null, null, null, null, null));
    }

    static NetworkPolicy np(String ns, String name, double order, String selector, List<Rule> ingress,
                            List<Rule> egress) {
        return new NetworkPolicy(ObjectMeta.namespaced(ns, name), new NetworkPolicy.Spec(null, order, ingress,
                egress, selector, null, null, null));
    }

    static Tier tier(String name, double order, String defaultAction) {
        return new Tier(ObjectMeta.named(name), new Tier.Spec(order, defaultAction));
    }

    static Profile profile(String name, List<Rule> ingress, List<Rule> egress) {
        return new Profile(ObjectMeta.named(name), new Profile.Spec(ingress, egress, null));
    }

    static Rule rule(String action) {
        return new Rule(action, null, null, null, null, null, null, null, null, null);
    }

    static Rule fromSelector(String action, String selector) {
        return rule(action).withSource(EntityRule.selecting(selector, null));
    }

    static Rule tcpTo(String action, String... ports) {
        return rule(action).withProtocol(Protocol.TCP)
                .withDestination(EntityRule.EMPTY.withPorts(List.of(ports).stream().map(Port::parse).toList()));
    }

    static KubernetesNetworkPolicy knp(String ns, String name, Map<String, String> podLabels,
                                       List<NetworkPolicyIngressRule> ingress) {
        return new KubernetesNetworkPolicy(ObjectMeta.namespaced(ns, name), new KubernetesNetworkPolicy.Spec(
                new LabelSelector(podLabels, null), ingress, null, List.of("Ingress")), null);
    }

    static NetworkPolicyIngressRule fromPods(Map<String, String> podLabels) {
        return new NetworkPolicyIngressRule(null, List.of(new NetworkPolicyPeer(new LabelSelector(podLabels, null),
                null, null)));
    }

    static NetworkPolicyIngressRule fromNamespaces(Map<String, String> nsLabels) {
        return new NetworkPolicyIngressRule(null, List.of(new NetworkPolicyPeer(null,
                new LabelSelector(nsLabels, null), null)));
    }

    static NetworkPolicyIngressRule fromBlock(String cidr, String... except) {
        return new NetworkPolicyIngressRule(null, List.of(new NetworkPolicyPeer(null, null,
                new NetworkPolicyPeer.IpBlock(cidr, List.of(except)))));
    }

    static NetworkPolicyIngressRule tcpPorts(int port, Integer endPort) {
        return new NetworkPolicyIngressRule(List.of(new NetworkPolicyPort("TCP", IntOrString.of(port), endPort)),
                null);
    }

    static NetworkPolicyIngressRule tcpNamedPort(String name) {
        return new NetworkPolicyIngressRule(List.of(new NetworkPolicyPort("TCP", IntOrString.of(name), null)), null);
    }

    static WorkloadEndpoint.WorkloadPort namedPort(String name, int port) {
        return new WorkloadEndpoint.WorkloadPort(name, Protocol.TCP, port, null, null);
    }
}
