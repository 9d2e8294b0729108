package dev.calyx.calc;

import static dev.calyx.calc.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.model.Kind;
import dev.calyx.model.numorstring.Port;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.ServiceAccountMatch;
import dev.calyx.model.selector.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contracts of the graph that state sequences do not show: rejection, call order, label inheritance, ids. */
class GraphBehaviourTest {
    private final DesiredStateRecorder recorder = new DesiredStateRecorder();
    private final CalcGraph graph = new CalcGraph(Fixtures.NODE, recorder);

    @Test
    void rejectedInputNamesTheResourceAndChangesNothing() {
        StateLibrary.gnpLocal().resources().forEach(graph::onUpdate);
        graph.flush();
        DesiredState before = recorder.state();

        assertThatThrownBy(() -> graph.onUpdate(Fixtures.gnp("allow-db", null, 1.0, "app ==", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GlobalNetworkPolicy allow-db");
        var namedWithoutProtocol = Fixtures.rule("Allow")
                .withDestination(EntityRule.EMPTY.withPorts(List.of(Port.named("http"))));
        assertThatThrownBy(() -> graph.onUpdate(Fixtures.np("ns1", "np", null, "", List.of(namedWithoutProtocol),
                null))).hasMessageContaining("NetworkPolicy ns1/np ingress rule 0: named port http requires a protocol");
        assertThatThrownBy(() -> graph.onUpdate(Fixtures.wep("ns1", "web", Fixtures.NODE, "10.0.0.300", labels())))
                .hasMessageContaining("WorkloadEndpoint/ns1/web").hasMessageContaining("10.0.0.300/32");
        graph.flush();

        assertThat(recorder.state()).isEqualTo(before);
    }

    @Test
    void netsAreMaskedSoEqualNetsCompareEqual() {
        graph.onUpdate(Fixtures.wep("ns1", "web", Fixtures.NODE, "10.0.0.1", labels()));
        graph.onUpdate(Fixtures.gnp("nets", null, null, "", null, List.of(Fixtures.fromNets("Allow", "10.1.2.3/8",
                "192.168.7.7")), null));
        graph.onUpdate(Fixtures.globalNetset("g", labels("k", "v"), "172.16.5.5/12"));
        graph.onUpdate(Fixtures.gnp("sets", null, null, "", null, List.of(Fixtures.fromSelector("Allow", "k == 'v'")),
                null));
        graph.flush();
        assertThat(recorder.state().policies().get(PolicyKey.global("nets")).ingress().getFirst().source().nets())
                .containsExactly("10.0.0.0/8", "192.168.7.7/32");
        assertThat(recorder.state().ipSets().get(Expect.sel("k == 'v'")).members())
                .containsExactly(IpSetMember.net("172.16.0.0/12"));
    }

    @Test
    void duplicatesAndUnknownDeletesReportNothing() {
        StateLibrary.k8sPolicy().resources().forEach(graph::onUpdate);
        graph.flush();
        int calls = recorder.calls();
        StateLibrary.k8sPolicy().resources().forEach(graph::onUpdate);
        graph.onDelete(Kind.GLOBAL_NETWORK_POLICY, null, "never-seen");
        graph.onDelete(Kind.WORKLOAD_ENDPOINT, "ns1", "never-seen");
        graph.flush();
        assertThat(recorder.calls()).isEqualTo(calls);
    }

    @Test
    void callsComeInDependencyOrder() {
        LoggingCallbacks log = new LoggingCallbacks();
        List<String> calls = log.calls;
        CalcGraph g = new CalcGraph(Fixtures.NODE, log);
        var resources = StateLibrary.gnpLocal().resources();
        resources.reversed().forEach(g::onUpdate);
        g.flush();
        assertThat(calls).containsExactly("ipset+", "policy+", "profile+", "endpoint+");
        calls.clear();
        resources.forEach(r -> g.onDelete(ResourceKey.of(r)));
        g.flush();
        assertThat(calls).containsExactly("endpoint-", "profile-", "policy-", "ipset-");
    }

    @Test
    void profileLabelsAreInheritedAndRelabellingMovesMembers() {
        String roleX = Expect.sel("role == 'x'");
        var remote = Fixtures.wep("ns1", "remote", Fixtures.OTHER_NODE, "10.0.5.5", labels());
        var spec = remote.spec();
        remote = new dev.calyx.model.WorkloadEndpoint(remote.metadata(), new dev.calyx.model.WorkloadEndpoint.Spec(
                spec.orchestrator(), null, spec.node(), null, null, null, null, spec.ipNetworks(), null, null,
                null, List.of("extra"), spec.interfaceName(), null, null, null, null));
        graph.onUpdate(remote);
        graph.onUpdate(Fixtures.profile("extra", null, null, labels("role", "x")));
        graph.onUpdate(Fixtures.wep("ns1", "web", Fixtures.NODE, "10.0.0.1", labels()));
        graph.onUpdate(Fixtures.gnp("from-x", null, null, "", null,
                List.of(Fixtures.fromSelector("Allow", "role == 'x'")), null));
        graph.flush();
        assertThat(recorder.state().ipSets().get(roleX).members()).containsExactly(IpSetMember.net("10.0.5.5/32"));

        graph.onUpdate(Fixtures.profile("extra", null, null, labels("role", "y")));
        graph.flush();
        assertThat(recorder.state().ipSets().get(roleX).members()).isEmpty();
    }

    @Test
    void serviceAccountsFoldIntoTheNamespacedSelector() {
        graph.onUpdate(Fixtures.wep("ns1", "web", Fixtures.NODE, "10.0.0.1", labels()));
        var fromSa = Fixtures.rule("Allow").withSource(new EntityRule(null, null, null, null, null, null, null, null,
                new ServiceAccountMatch(List.of("sa1", "sa2"), "tier == 'front'")));
        graph.onUpdate(Fixtures.np("ns1", "sa", null, "", List.of(fromSa), null));
        graph.flush();
        String expected = Expect.sel("(projectcalico.org/namespace == 'ns1') && "
                + "((pcsa.tier == 'front') && (projectcalico.org/serviceaccount in {'sa1', 'sa2'}))");
        assertThat(recorder.state().policies().get(PolicyKey.namespaced("ns1", "sa")).ingress().getFirst()
                .source().ipSetIds()).containsExactly(expected);
        assertThat(recorder.state().ipSets()).containsOnlyKeys(expected);
    }

    @Test
    void namespaceSelectorAllMeansNamespacedItemsAndNotSelectorAloneStaysInTheNamespace() {
        graph.onUpdate(Fixtures.wep("ns1", "web", Fixtures.NODE, "10.0.0.1", labels("app", "web")));
        graph.onUpdate(Fixtures.wep("ns2", "other", Fixtures.OTHER_NODE, "10.0.2.1", labels("app", "web")));
        graph.onUpdate(Fixtures.globalNetset("world", labels("app", "web"), "1.1.1.0/24"));
        var anyNamespace = Fixtures.rule("Allow").withSource(EntityRule.selecting("app == 'web'", "all()"));
        var notWeb = Fixtures.rule("Deny").withSource(new EntityRule(null, null, null, null, null, null,
                "app == 'db'", null, null));
        graph.onUpdate(Fixtures.np("ns1", "np", null, "", List.of(anyNamespace, notWeb), null));
        graph.flush();

        String anyNs = Expect.sel("(has(projectcalico.org/namespace)) && (app == 'web')");
        String ownNs = Expect.sel("projectcalico.org/namespace == 'ns1'");
        var rules = recorder.state().policies().get(PolicyKey.namespaced("ns1", "np")).ingress();
        assertThat(rules.get(0).source().ipSetIds()).containsExactly(anyNs);
        assertThat(rules.get(1).source().ipSetIds()).containsExactly(ownNs);
        assertThat(rules.get(1).source().notIpSetIds()).containsExactly(Expect.sel("app == 'db'"));
        assertThat(recorder.state().ipSets().get(anyNs).members())
                .containsExactly(IpSetMember.net("10.0.0.1/32"), IpSetMember.net("10.0.2.1/32"));
        assertThat(recorder.state().ipSets().get(ownNs).members()).containsExactly(IpSetMember.net("10.0.0.1/32"));
    }

    @Test
    void ipSetIdsAreStableAndDistinguishProtocolAndPort() {
        Selector s = Selector.parse("app == 'web'");
        assertThat(IpSetSpec.forSelector(s).id()).isEqualTo(s.uniqueId()).startsWith("s:");
        var tcp = IpSetSpec.forNamedPort(Selector.parse("(app == \"web\")"), 6, "http").id();
        assertThat(tcp).startsWith("n:").isEqualTo(IpSetSpec.forNamedPort(s, 6, "http").id())
                .isNotEqualTo(IpSetSpec.forNamedPort(s, 17, "http").id())
                .isNotEqualTo(IpSetSpec.forNamedPort(s, 6, "https").id());
    }
}
