package dev.calyx.calc;

import static dev.calyx.calc.Expect.ALLOW_BOTH;
import static dev.calyx.calc.Expect.match;
import static dev.calyx.calc.Expect.rule;
import static dev.calyx.calc.Expect.sel;
import static dev.calyx.calc.Expect.tier;
import static dev.calyx.calc.Expect.tiers;
import static dev.calyx.calc.Fixtures.NODE;
import static dev.calyx.calc.Fixtures.OTHER_NODE;
import static dev.calyx.calc.Fixtures.labels;

import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.numorstring.IntOrString;
import dev.calyx.model.numorstring.Protocol;
import dev.calyx.model.k8s.LabelSelector;
import dev.calyx.model.k8s.NetworkPolicyEgressRule;
import dev.calyx.model.k8s.NetworkPolicyIngressRule;
import dev.calyx.model.k8s.NetworkPolicyPeer;
import dev.calyx.model.k8s.NetworkPolicyPort;
import dev.calyx.model.policy.EntityRule;
import java.util.List;

/** The named states the sequence tests walk through; each pairs inputs with the exact output Felix would want. */
final class StateLibrary {
    private StateLibrary() {
    }

    private static final PolicyKey ALLOW_DB = PolicyKey.global("allow-db");
    private static final String ROLE_DB = sel("role == 'db'");

    /** A GNP selecting a local endpoint, allowing from a remote endpoint's IP set. */
    static CalcState gnpLocal() {
        return new CalcState("gnp-local", List.of(
                Fixtures.namespace("ns1", labels("team", "a")),
                Fixtures.wep("ns1", "web", NODE, "10.0.0.1", labels("app", "web")),
                Fixtures.wep("ns1", "db", OTHER_NODE, "10.0.1.1", labels("role", "db")),
                Fixtures.gnp("allow-db", null, 10.0, "app == 'web'", null,
                        List.of(Fixtures.fromSelector("Allow", "role == 'db'")), null)),
                new Expect.State()
                        .endpoint(Expect.wep("ns1", "web", "10.0.0.1",
                                tiers(tier("default", RuleAction.DENY, ALLOW_DB)), tiers(), "kns.ns1"))
                        .policy(ALLOW_DB, Expect.policy(
                                List.of(rule(RuleAction.ALLOW).src(match().sets(ROLE_DB)).build()), List.of()))
                        .profile("kns.ns1", ALLOW_BOTH)
                        .ipSet(Expect.ipSet(ROLE_DB, "10.0.1.1/32"))
                        .build());
    }

    /** The remote endpoint relabelled: it leaves the IP set, which stays active but empty. */
    static CalcState gnpRemoteMoved() {
        return new CalcState("gnp-remote-moved", List.of(
                Fixtures.namespace("ns1", labels("team", "a")),
                Fixtures.wep("ns1", "web", NODE, "10.0.0.1", labels("app", "web")),
                Fixtures.wep("ns1", "db", OTHER_NODE, "10.0.1.1", labels("role", "cache")),
                Fixtures.gnp("allow-db", null, 10.0, "app == 'web'", null,
                        List.of(Fixtures.fromSelector("Allow", "role == 'db'")), null)),
                new Expect.State()
                        .endpoint(Expect.wep("ns1", "web", "10.0.0.1",
                                tiers(tier("default", RuleAction.DENY, ALLOW_DB)), tiers(), "kns.ns1"))
                        .policy(ALLOW_DB, Expect.policy(
                                List.of(rule(RuleAction.ALLOW).src(match().sets(ROLE_DB)).build()), List.of()))
                        .profile("kns.ns1", ALLOW_BOTH)
                        .ipSet(Expect.ipSet(ROLE_DB))
                        .build());
    }

    /** The local endpoint relabelled out of the policy: the policy and its IP set go inactive. */
    static CalcState gnpRelabelled() {
        return new CalcState("gnp-relabelled", List.of(
                Fixtures.namespace("ns1", labels("team", "a")),
                Fixtures.wep("ns1", "web", NODE, "10.0.0.1", labels("app", "api")),
                Fixtures.wep("ns1", "db", OTHER_NODE, "10.0.1.1", labels("role", "db")),
                Fixtures.gnp("allow-db", null, 10.0, "app == 'web'", null,
                        List.of(Fixtures.fromSelector("Allow", "role == 'db'")), null)),
                new Expect.State()
                        .endpoint(Expect.wep("ns1", "web", "10.0.0.1", tiers(), tiers(), "kns.ns1"))
                        .profile("kns.ns1", ALLOW_BOTH)
                        .build());
    }

    /**
     * Tier order, policy order with name-then-namespace tie-break, Pass, per-direction tiers, an unselected tier.
     */
    static CalcState tiersAndOrder() {
        var secPass = PolicyKey.global("sec-pass");
        var secDeny = PolicyKey.global("sec-deny");
        var pa = PolicyKey.global("p-a");
        var pb = PolicyKey.global("p-b");
        var pNone = PolicyKey.global("p-none");
        var nsPa = PolicyKey.namespaced("ns1", "p-a");
        var lateEgress = PolicyKey.global("late-egress");
        List<String> egressOnly = List.of("Egress");
        return new CalcState("tiers", List.of(
                Fixtures.namespace("ns1", null),
                Fixtures.wep("ns1", "web", NODE, "10.0.0.1", labels("app", "web")),
                Fixtures.tier("security", 100.0, "Deny"),
                Fixtures.tier("late", null, "Pass"),
                Fixtures.gnp("sec-pass", "security", 10.0, "", null, List.of(Fixtures.rule("Pass")), null),
                Fixtures.gnp("sec-deny", "security", 20.0, "app == 'web'", null,
                        List.of(Fixtures.fromNets("Deny", "1.2.3.0/24")), null),
                Fixtures.gnp("p-b", null, 5.0, "all()", null, List.of(Fixtures.tcpTo("Allow", "80")), null),
                Fixtures.gnp("p-a", "default", 5.0, "all()", null, List.of(Fixtures.icmp("Allow", 8, 0)), null),
                Fixtures.np("ns1", "p-a", 5.0, "", List.of(), null),
                Fixtures.gnp("p-none", null, null, "all()", List.of("Ingress", "Egress"), List.of(),
                        List.of(Fixtures.rule("Allow"))),
                Fixtures.gnp("late-egress", "late", 1.0, "all()", egressOnly, null,
                        List.of(Fixtures.toSelector("Deny", "app == 'db'"))),
                Fixtures.gnp("unrelated", "other", 1.0, "app == 'nothing'", null,
                        List.of(Fixtures.rule("Allow")), null)),
                new Expect.State()
                        .endpoint(Expect.wep("ns1", "web", "10.0.0.1",
                                tiers(tier("security", RuleAction.DENY, secPass, secDeny),
                                        tier("default", RuleAction.DENY, pa, nsPa, pb, pNone)),
                                tiers(tier("default", RuleAction.DENY, pNone),
                                        tier("late", RuleAction.PASS, lateEgress)),
                                "kns.ns1"))
                        .policy(secPass, Expect.policy(List.of(rule(RuleAction.PASS).build()), List.of()))
                        .policy(secDeny, Expect.policy(
                                List.of(rule(RuleAction.DENY).src(match().nets("1.2.3.0/24")).build()), List.of()))
                        .policy(pa, Expect.policy(
                                List.of(rule(RuleAction.ALLOW).ipVersion(4).protocol(1).icmp(8, 0).build()),
                                List.of()))
                        .policy(pb, Expect.policy(
                                List.of(rule(RuleAction.ALLOW).protocol(6).dst(match().port(80, 80)).build()),
                                List.of()))
                        .policy(pNone, Expect.policy(List.of(), List.of(Expect.ALLOW_ALL)))
                        .policy(nsPa, Expect.policy(List.of(), List.of()))
                        .policy(lateEgress, Expect.policy(List.of(),
                                List.of(rule(RuleAction.DENY).dst(match().sets(sel("app == 'db'"))).build())))
                        .profile("kns.ns1", ALLOW_BOTH)
                        .ipSet(Expect.ipSet(sel("app == 'db'")))
                        .build());
    }

    /**
     * A Kubernetes NetworkPolicy: knp.default.* at order 1000 (so it sorts before an order-2000 policy whose name
     * sorts first), podSelector + namespaceSelector peer, ipBlock with except, endPort range, a named port, and
     * egress to a podSelector in the policy's own namespace.
     */
    static CalcState k8sPolicy() {
        return k8sPolicy("k8s", "a", "b", "10.0.2.2/32");
    }

    /** The namespaces swap labels: the namespaceSelector peer now matches the client in the policy's namespace. */
    static CalcState k8sNamespacesRelabelled() {
        return k8sPolicy("k8s-ns-relabelled", "b", "a", "10.0.1.5/32");
    }

    private static CalcState k8sPolicy(String name, String ns1Team, String ns2Team, String peerMember) {
        var knp = PolicyKey.namespaced("ns1", "knp.default.web-policy");
        var after = PolicyKey.global("a-after");
        var spec = new KubernetesNetworkPolicy.Spec(new LabelSelector(labels("app", "web"), null),
                List.of(new NetworkPolicyIngressRule(
                        List.of(new NetworkPolicyPort("TCP", IntOrString.of(80), 90),
                                new NetworkPolicyPort(null, IntOrString.of("http"), null)),
                        List.of(new NetworkPolicyPeer(new LabelSelector(labels("app", "client"), null),
                                        new LabelSelector(labels("team", "b"), null), null),
                                new NetworkPolicyPeer(null, null, new NetworkPolicyPeer.IpBlock("192.168.0.0/16",
                                        List.of("192.168.1.0/24")))))),
                List.of(new NetworkPolicyEgressRule(List.of(new NetworkPolicyPort("UDP", IntOrString.of(53), null)),
                        List.of(new NetworkPolicyPeer(new LabelSelector(labels("app", "db"), null), null, null)))),
                null);
        String peerSet = sel("(pcns.team == 'b') && (projectcalico.org/orchestrator == 'k8s' && app == 'client')");
        String httpSet = Expect.namedPort("all()", 6, "http");
        String dbSet = sel("(projectcalico.org/namespace == 'ns1')"
                + " && (projectcalico.org/orchestrator == 'k8s' && app == 'db')");
        var dstPorts = match().port(80, 90).namedPorts(httpSet);
        return new CalcState(name, List.of(
                Fixtures.namespace("ns1", labels("team", ns1Team)),
                Fixtures.namespace("ns2", labels("team", ns2Team)),
                Fixtures.wep("ns1", "web", NODE, "10.0.0.1", labels("app", "web"),
                        Fixtures.namedPort("http", Protocol.TCP, 8080)),
                Fixtures.wep("ns1", "db", NODE, "10.0.0.2", labels("app", "db")),
                Fixtures.wep("ns2", "client", OTHER_NODE, "10.0.2.2", labels("app", "client")),
                Fixtures.wep("ns1", "client", OTHER_NODE, "10.0.1.5", labels("app", "client"),
                        Fixtures.namedPort("http", Protocol.UDP, 9999)),
                Fixtures.knp("ns1", "web-policy", spec),
                Fixtures.gnp("a-after", null, 2000.0, "app == 'web'", null,
                        List.of(Fixtures.rule("Deny")), null)),
                new Expect.State()
                        .endpoint(Expect.wep("ns1", "web", "10.0.0.1",
                                tiers(tier("default", RuleAction.DENY, knp, after)),
                                tiers(tier("default", RuleAction.DENY, knp)), "kns.ns1"))
                        .endpoint(Expect.wep("ns1", "db", "10.0.0.2", tiers(), tiers(), "kns.ns1"))
                        .policy(knp, Expect.policy(List.of(
                                        rule(RuleAction.ALLOW).protocol(6).src(match().sets(peerSet)).dst(dstPorts)
                                                .build(),
                                        rule(RuleAction.ALLOW).protocol(6)
                                                .src(match().nets("192.168.0.0/16").notNets("192.168.1.0/24"))
                                                .dst(dstPorts).build()),
                                List.of(rule(RuleAction.ALLOW).protocol(17).dst(match().sets(dbSet).port(53, 53))
                                        .build())))
                        .policy(after, Expect.policy(List.of(rule(RuleAction.DENY).build()), List.of()))
                        .profile("kns.ns1", ALLOW_BOTH)
                        .ipSet(Expect.ipSet(peerSet, peerMember))
                        .ipSet(Expect.ipSet(dbSet, "10.0.0.2/32"))
                        .ipSet(Expect.namedPortSet(httpSet, new IpSetMember("10.0.0.1/32", 6, 8080)))
                        .build());
    }

    /** NetworkSets and GlobalNetworkSets as rule peers; notSelector and global() namespace selectors. */
    static CalcState networkSets() {
        var egressExt = PolicyKey.global("egress-ext");
        var nsExt = PolicyKey.namespaced("ns1", "ns-ext");
        String external = sel("type == 'external'");
        String nsExternal = sel("projectcalico.org/namespace == 'ns1' && type == 'external'");
        String globalExternal = sel("(!has(projectcalico.org/namespace)) && (type == 'external')");
        var notExternal = new EntityRule(null, null, null, null, null, null, "type == 'external'", null, null);
        return new CalcState("netsets", List.of(
                Fixtures.namespace("ns1", null),
                Fixtures.wep("ns1", "web", NODE, "10.0.0.1", labels("app", "web")),
                Fixtures.globalNetset("ext", labels("type", "external"), "8.8.8.0/24"),
                Fixtures.netset("ns1", "partners", labels("type", "external"), "9.9.9.0/24"),
                Fixtures.netset("ns2", "others", labels("type", "external"), "7.7.7.0/24"),
                Fixtures.gnp("egress-ext", null, null, "", List.of("Egress"), null, List.of(
                        Fixtures.toSelector("Allow", "type == 'external'"),
                        Fixtures.rule("Deny").withDestination(notExternal),
                        Fixtures.rule("Allow").withDestination(EntityRule.selecting("type == 'external'",
                                "global()")))),
                Fixtures.np("ns1", "ns-ext", null, "app == 'web'", null,
                        List.of(Fixtures.toSelector("Allow", "type == 'external'")))),
                new Expect.State()
                        .endpoint(Expect.wep("ns1", "web", "10.0.0.1", tiers(tier("default", RuleAction.DENY, nsExt)),
                                tiers(tier("default", RuleAction.DENY, egressExt, nsExt)), "kns.ns1"))
                        .policy(egressExt, Expect.policy(List.of(), List.of(
                                rule(RuleAction.ALLOW).dst(match().sets(external)).build(),
                                rule(RuleAction.DENY).dst(match().notSets(external)).build(),
                                rule(RuleAction.ALLOW).dst(match().sets(globalExternal)).build())))
                        .policy(nsExt, Expect.policy(List.of(),
                                List.of(rule(RuleAction.ALLOW).dst(match().sets(nsExternal)).build())))
                        .profile("kns.ns1", ALLOW_BOTH)
                        .ipSet(Expect.ipSet(external, "7.7.7.0/24", "8.8.8.0/24", "9.9.9.0/24"))
                        .ipSet(Expect.ipSet(nsExternal, "9.9.9.0/24"))
                        .ipSet(Expect.ipSet(globalExternal, "8.8.8.0/24"))
                        .build());
    }

    /**
     * Host endpoints: the local one is enforced, the remote one only fills the IP set; doNotTrack and preDNAT
     * policies go to their own stages only, applyOnForward ones to the forward stage as well.
     */
    static CalcState hostEndpoints() {
        var hostPolicy = PolicyKey.global("host-policy");
        var untracked = PolicyKey.global("untracked");
        var preDnat = PolicyKey.global("pre-dnat");
        var forward = PolicyKey.global("forward");
        String hosts = sel("has(host)");
        return new CalcState("hep", List.of(
                Fixtures.hep("local-host", NODE, "eth0", "172.16.0.1", labels("host", "yes")),
                Fixtures.hep("remote-host", OTHER_NODE, "eth0", "172.16.0.2", labels("host", "yes")),
                Fixtures.gnp("host-policy", null, null, "has(host)", List.of("Ingress"),
                        List.of(Fixtures.fromSelector("Allow", "has(host)")), null),
                Fixtures.hostGnp("untracked", "has(host)", List.of("Ingress", "Egress"),
                        List.of(Fixtures.rule("Allow")), List.of(Fixtures.rule("Allow")), true, false),
                Fixtures.hostGnp("pre-dnat", "has(host)", List.of("Ingress"),
                        List.of(Fixtures.fromNets("Deny", "10.9.0.0/16")), null, false, true),
                Fixtures.hostGnp("forward", "has(host)", List.of("Egress"), null,
                        List.of(Fixtures.rule("Deny")), false, false)),
                new Expect.State()
                        .endpoint(new EndpointPolicy(EndpointKey.host("local-host"), "eth0",
                                List.of("172.16.0.1/32"), tiers(tier("default", RuleAction.DENY, hostPolicy)),
                                tiers(tier("default", RuleAction.DENY, forward)), List.of(), new HostStages(
                                        tiers(tier("default", RuleAction.DENY, untracked)),
                                        tiers(tier("default", RuleAction.DENY, untracked)),
                                        tiers(tier("default", RuleAction.DENY, preDnat)), tiers(),
                                        tiers(tier("default", RuleAction.DENY, forward)))))
                        .policy(untracked, ALLOW_BOTH)
                        .policy(preDnat, Expect.policy(
                                List.of(rule(RuleAction.DENY).src(match().nets("10.9.0.0/16")).build()), List.of()))
                        .policy(forward, Expect.policy(List.of(), List.of(rule(RuleAction.DENY).build())))
                        .policy(hostPolicy, Expect.policy(
                                List.of(rule(RuleAction.ALLOW).src(match().sets(hosts)).build()), List.of()))
                        .ipSet(Expect.ipSet(hosts, "172.16.0.1/32", "172.16.0.2/32"))
                        .build());
    }

    /** An endpoint whose namespace profile does not exist: the profile is active with no rules (fail closed). */
    static CalcState missingProfile() {
        return new CalcState("missing-profile", List.of(
                Fixtures.wep("ns9", "lonely", NODE, "10.0.9.9", labels())),
                new Expect.State()
                        .endpoint(Expect.wep("ns9", "lonely", "10.0.9.9", tiers(), tiers(), "kns.ns9"))
                        .profile("kns.ns9", ResolvedPolicy.EMPTY)
                        .build());
    }
}
