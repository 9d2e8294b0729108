package dev.calyx.calc;

import static dev.calyx.calc.Fixtures.labels;

import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Resource;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.k8s.LabelSelector;
import dev.calyx.model.k8s.NetworkPolicyIngressRule;
import dev.calyx.model.k8s.NetworkPolicyPeer;
import dev.calyx.model.k8s.NetworkPolicyPort;
import dev.calyx.model.numorstring.IntOrString;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small universe of resource keys with random versions, so random update sequences hit the same keys again
 * and again (relabels, moves between nodes, selector changes, shared addresses, deletes and re-adds).
 */
final class RandomResources {
    private static final String[] SELECTORS = {"app == 'web'", "has(role)", "role != 'x'", "all()",
        "app in {'db', 'api'}", "!has(app)", "type == 'external'", ""};
    private static final String[] NAMESPACE_SELECTORS = {null, "team == 'a'", "all()", "global()"};
    private static final String[] TIERS = {null, "default", "t1", "t2"};

    private final Random random;

    RandomResources(Random random) {
        this.random = random;
    }

    /** A random version of one of the universe's resources. */
    Resource any() {
        return switch (random.nextInt(10)) {
            case 0 -> Fixtures.namespace("ns" + random.nextInt(3), labels("team", pick("a", "b")));
            case 1, 2 -> wep();
            case 3 -> Fixtures.hep("host" + random.nextInt(2), node(), "eth0", ip(), randomLabels());
            case 4 -> random.nextBoolean()
                    ? Fixtures.netset("ns" + random.nextInt(3), "set" + random.nextInt(2), randomLabels(), net())
                    : Fixtures.globalNetset("gset" + random.nextInt(2), randomLabels(), net());
            case 5 -> Fixtures.gnp("gnp" + random.nextInt(4), pick(TIERS), order(), pick(SELECTORS), types(),
                    rules(), rules());
            case 6 -> Fixtures.np("ns" + random.nextInt(3), "np" + random.nextInt(2), order(), pick(SELECTORS),
                    rules(), rules());
            case 7 -> knp();
            case 8 -> Fixtures.tier("t" + (1 + random.nextInt(2)), order(), pick("Deny", "Pass"));
            default -> Fixtures.profile("extra", rules(), rules(), labels("role", pick("x", "y")));
        };
    }

    private WorkloadEndpoint wep() {
        var w = Fixtures.wep("ns" + random.nextInt(3), "pod" + random.nextInt(8), node(), ip(), randomLabels(),
                Fixtures.namedPort("http", random.nextBoolean() ? Protocol.TCP : Protocol.UDP,
                        8000 + random.nextInt(3)));
        if (random.nextBoolean()) {
            var s = w.spec();
            w = new WorkloadEndpoint(w.metadata(), new WorkloadEndpoint.Spec(s.orchestrator(), s.workload(),
                    s.node(), s.containerID(), s.pod(), s.endpoint(), s.serviceAccountName(), s.ipNetworks(), null,
                    null, null, List.of("extra"), s.interfaceName(), null, s.ports(), null, null));
        }
        return w;
    }

    private KubernetesNetworkPolicy knp() {
        var peer = new NetworkPolicyPeer(random.nextBoolean() ? new LabelSelector(labels("app", "db"), null) : null,
                random.nextBoolean() ? new LabelSelector(labels("team", "b"), null) : null, null);
        var port = random.nextBoolean() ? new NetworkPolicyPort("TCP", IntOrString.of("http"), null)
                : new NetworkPolicyPort("UDP", IntOrString.of(53), 60);
        var spec = new KubernetesNetworkPolicy.Spec(new LabelSelector(labels("app", pick("web", "db")), null),
                List.of(new NetworkPolicyIngressRule(List.of(port), List.of(peer))), null, null);
        return new KubernetesNetworkPolicy(ObjectMeta.namespaced("ns" + random.nextInt(3), "knp" + random.nextInt(2)),
                spec, null);
    }

    private List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String action = pick("Allow", "Deny", "Pass", "Log");
            Rule r = switch (random.nextInt(4)) {
                case 0 -> Fixtures.rule(action).withSource(EntityRule.selecting(pick(SELECTORS),
                        pick(NAMESPACE_SELECTORS)));
                case 1 -> Fixtures.toSelector(action, pick(SELECTORS));
                case 2 -> Fixtures.tcpTo(action, "http", "80");
                default -> Fixtures.fromNets(action, net());
            };
            rules.add(r);
        }
        return rules;
    }

    private List<String> types() {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> List.of("Ingress");
            case 2 -> List.of("Egress");
            default -> List.of("Ingress", "Egress");
        };
    }

    private Map<String, String> randomLabels() {
        Map<String, String> l = labels();
        if (random.nextBoolean()) {
            l.put("app", pick("web", "db", "api"));
        }
        if (random.nextBoolean()) {
            l.put("role", pick("x", "y"));
        }
        if (random.nextInt(4) == 0) {
            l.put("type", "external");
        }
        return l;
    }

    private Double order() {
        return random.nextInt(3) == 0 ? null : (double) random.nextInt(3) * 10;
    }

    private String node() {
        return random.nextBoolean() ? Fixtures.NODE : Fixtures.OTHER_NODE;
    }

    private String ip() {
        return "10.0.0." + random.nextInt(6);
    }

    private String net() {
        return pick("10.0.0.0/24", "8.8.8.0/24", "10.0.0.1/32");
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
