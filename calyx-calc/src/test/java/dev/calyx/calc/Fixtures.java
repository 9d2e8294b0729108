package dev.calyx.calc;

import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.GlobalNetworkSet;
import dev.calyx.model.HostEndpoint;
import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.NetworkSet;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Profile;
import dev.calyx.model.Tier;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.numorstring.Port;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.IcmpFields;
import dev.calyx.model.policy.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for the model resources the graph consumes; short so that state definitions read like YAML. */
final class Fixtures {
    static final String NODE = "node-1";
    static final String OTHER_NODE = "node-2";

    private Fixtures() {
    }

    static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static WorkloadEndpoint wep(String ns, String name, String node, String ip, Map<String, String> labels,
                                WorkloadEndpoint.WorkloadPort... ports) {
        var meta = ObjectMeta.namespaced(ns, name).withLabels(labels);
        return new WorkloadEndpoint(meta, new WorkloadEndpoint.Spec("k8s", null, node, null, name, "eth0", null,
                List.of(ip + "/32"), null, null, null, null, "cali" + name, null, List.of(ports), null, null));
    }

    static WorkloadEndpoint.WorkloadPort namedPort(String name, Protocol protocol, int port) {
        return new WorkloadEndpoint.WorkloadPort(name, protocol, port, null, null);
    }

    static HostEndpoint hep(String name, String node, String iface, String ip, Map<String, String> labels) {
        return new HostEndpoint(ObjectMeta.named(name).withLabels(labels),
                new HostEndpoint.Spec(node, iface, List.of(ip), null, null));
    }

    static GlobalNetworkPolicy gnp(String name, String tier, Double order, String selector, List<String> types,
                                   List<Rule> ingress, List<Rule> egress) {
        return new GlobalNetworkPolicy(ObjectMeta.named(name), new GlobalNetworkPolicy.Spec(tier, order, ingress,
                egress, selector, types, null, null, null, null, null, null));
    }

    /** A GNP for host endpoints' special stages (doNotTrack / preDNAT / applyOnForward). */
    static GlobalNetworkPolicy hostGnp(String name, String selector, List<String> types, List<Rule> ingress,
                                       List<Rule> egress, boolean doNotTrack, boolean preDnat) {
        return new GlobalNetworkPolicy(ObjectMeta.named(name), new GlobalNetworkPolicy.Spec(null, null, ingress,
                egress, selector, types, doNotTrack, preDnat, true, null, null, null));
    }

    static NetworkPolicy np(String ns, String name, Double order, String selector, List<Rule> ingress,
                            List<Rule> egress) {
        return new NetworkPolicy(ObjectMeta.namespaced(ns, name), new NetworkPolicy.Spec(null, order, ingress,
                egress, selector, null, null, null));
    }

    static Tier tier(String name, Double order, String defaultAction) {
        return new Tier(ObjectMeta.named(name), new Tier.Spec(order, defaultAction));
    }

    static Profile profile(String name, List<Rule> ingress, List<Rule> egress, Map<String, String> labels) {
        return new Profile(ObjectMeta.named(name), new Profile.Spec(ingress, egress, labels));
    }

    static KubernetesNamespace namespace(String name, Map<String, String> labels) {
        return new KubernetesNamespace(ObjectMeta.named(name).withLabels(labels), null, null);
    }

    static NetworkSet netset(String ns, String name, Map<String, String> labels, String... nets) {
        return new NetworkSet(ObjectMeta.namespaced(ns, name).withLabels(labels),
                new NetworkSet.Spec(List.of(nets)));
    }

    static GlobalNetworkSet globalNetset(String name, Map<String, String> labels, String... nets) {
        return new GlobalNetworkSet(ObjectMeta.named(name).withLabels(labels),
                new GlobalNetworkSet.Spec(List.of(nets)));
    }

    static KubernetesNetworkPolicy knp(String ns, String name, KubernetesNetworkPolicy.Spec spec) {
        return new KubernetesNetworkPolicy(ObjectMeta.namespaced(ns, name), spec, null);
    }

    static Rule rule(String action) {
        return new Rule(action, null, null, null, null, null, null, null, null, null);
    }

    static Rule fromSelector(String action, String selector) {
        return rule(action).withSource(EntityRule.selecting(selector, null));
    }

    static Rule toSelector(String action, String selector) {
        return rule(action).withDestination(EntityRule.selecting(selector, null));
    }

    static Rule fromNets(String action, String... nets) {
        return rule(action).withSource(EntityRule.EMPTY.withNets(List.of(nets), null));
    }

    static Rule icmp(String action, int type, Integer code) {
        return new Rule(action, 4, Protocol.parse("ICMP"), new IcmpFields(type, code), null, null, null, null,
                null, null);
    }

    static Rule tcpTo(String action, String... ports) {
        return rule(action).withProtocol(Protocol.TCP)
                .withDestination(EntityRule.EMPTY.withPorts(List.of(ports).stream().map(Port::parse).toList()));
    }
}
