package dev.calyx.dataplane.policy;

import dev.calyx.calc.CalcGraph;
import dev.calyx.calc.EndpointKey;
import dev.calyx.kernel.nft.NftOp;
import dev.calyx.kernel.nft.NftTransaction;
import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import dev.calyx.testkit.FakeNft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.calyx.dataplane.policy.PolicyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** PolicyManager against {@link FakeNft}: what each pass emits, in which order, and what resync repairs. */
class PolicyManagerTest {
    private final FakeNft nft = new FakeNft();
    private final PolicyManager manager = new PolicyManager(nft);
    private final CalcGraph graph = new CalcGraph(NODE, manager);

    @BeforeEach
    void setUp() {
        apply(namespace("prod", labels()),
                wep("prod", "web", "caliweb", "10.65.0.10", labels("app", "web")),
                wep("prod", "client", "caliclient", "10.65.0.11", labels("app", "client")),
                np("prod", "web-in", 10, "app == 'web'", List.of(fromSelector("Allow", "role == 'db'")), List.of()));
    }

    private NftTransaction apply(Resource... resources) {
        for (Resource r : resources) {
            graph.onUpdate(r);
        }
        graph.flush();
        return manager.apply();
    }

    private static Set<String> names(NftTransaction tx) {
        return tx.ops().stream().map(PolicyManagerTest::target).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static String target(NftOp op) {
        return switch (op) {
            case NftOp.AddChain o -> o.chain();
            case NftOp.FlushChain o -> o.chain();
            case NftOp.DeleteChain o -> o.chain();
            case NftOp.AddRule o -> o.chain();
            case NftOp.AddSet o -> o.set().name();
            case NftOp.AddElements o -> o.set().name();
            case NftOp.DeleteElements o -> o.set().name();
            case NftOp.DeleteSet o -> o.name();
            default -> op.render();
        };
    }

    @Test
    void theFirstPassProgramsEverythingAndAnUnchangedPassIsEmpty() {
        String dump = nft.dump();
        assertThat(dump).contains("cx_forward", "iifname vmap @cx_from_wl", "oifname vmap @cx_to_wl",
                "ct state established,related accept", "\"cali*\"",
                PolicyNames.policyChain(dev.calyx.calc.PolicyKey.namespaced("prod", "web-in"), true));
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "web"))).isTrue();
        assertThat(manager.apply().isEmpty()).isTrue();
        assertThat(nft.applied()).hasSize(1);
    }

    @Test
    void addingOneEndpointEmitsOnlyThatEndpointsObjects() {
        EndpointKey key = EndpointKey.workload("prod", "db");
        NftTransaction tx = apply(wep("prod", "db", "calidb", "10.65.0.12", labels("role", "db")));

        Set<String> names = names(tx);
        assertThat(names).contains(PolicyNames.fromWorkloadChain(key), PolicyNames.toWorkloadChain(key),
                PolicyNames.FROM_WORKLOAD_MAP, PolicyNames.TO_WORKLOAD_MAP);
        names.removeAll(Set.of(PolicyNames.fromWorkloadChain(key), PolicyNames.toWorkloadChain(key),
                PolicyNames.FROM_WORKLOAD_MAP, PolicyNames.TO_WORKLOAD_MAP));
        assertThat(names).as("the only other change: the new member of the role == 'db' set").hasSize(1)
                .allMatch(n -> n.startsWith("cx_s4_"));
        assertThat(tx.script()).contains("{ 10.65.0.12 }");
        assertThat(tx.ops()).noneMatch(op -> op instanceof NftOp.FlushChain || op instanceof NftOp.DeleteChain);
        assertThat(manager.isProgrammed(key)).isTrue();
    }

    @Test
    void aLabelChangeEmitsOnlySetElementChanges() {
        NftTransaction tx = apply(wep("prod", "client", "caliclient", "10.65.0.11", labels("role", "db")));

        assertThat(tx.ops()).allMatch(op -> op instanceof NftOp.AddElements || op instanceof NftOp.DeleteElements);
        assertThat(tx.script()).containsPattern("add element inet calyx cx_s4_[0-9a-f]+ \\{ 10.65.0.11 \\}");
    }

    @Test
    void removalsComeAfterTheRulesThatStopReferringToThem() {
        graph.onDelete(Kind.NETWORK_POLICY, "prod", "web-in");
        graph.flush();
        NftTransaction tx = manager.apply();

        List<NftOp> ops = tx.ops();
        int lastAdd = lastIndex(ops, NftOp.AddRule.class);
        int firstDeleteChain = firstIndex(ops, NftOp.DeleteChain.class);
        int firstDeleteSet = firstIndex(ops, NftOp.DeleteSet.class);
        assertThat(firstDeleteChain).isGreaterThan(lastAdd);
        assertThat(firstDeleteSet).isGreaterThan(firstDeleteChain);
        assertThat(tx.ops()).filteredOn(op -> op instanceof NftOp.DeleteSet).hasSize(2);
        assertThat(nft.dump()).doesNotContain("cx_s4_", "cx_s6_");
    }

    @Test
    void namedPortsBecomeOneRulePerPortNumberAndFollowNewNumbers() {
        apply(wep("prod", "web", "caliweb", "10.65.0.10", labels("app", "web"), namedPort("http", 8080)),
                np("prod", "web-in", 10, "app == 'web'", List.of(rule("Allow").withProtocol(
                        dev.calyx.model.numorstring.Protocol.TCP).withDestination(
                        dev.calyx.model.policy.EntityRule.EMPTY.withPorts(List.of(
                                dev.calyx.model.numorstring.Port.parse("http"))))), List.of()));
        String chain = PolicyNames.policyChain(dev.calyx.calc.PolicyKey.namespaced("prod", "web-in"), true);
        assertThat(nft.dump()).containsPattern("ip daddr @cx_n4_[0-9a-f]+ th dport 8080")
                .contains("10.65.0.10");

        NftTransaction tx = apply(wep("prod", "web2", "caliweb2", "10.65.0.13", labels("app", "web"),
                namedPort("http", 9090)));
        assertThat(names(tx)).as("a new port number re-renders the policy chain").contains(chain);
        assertThat(nft.dump()).contains("th dport 8080", "th dport 9090");

        NftTransaction same = apply(wep("prod", "web3", "caliweb3", "10.65.0.14", labels("app", "web"),
                namedPort("http", 9090)));
        assertThat(names(same)).as("a new member of an existing port group does not").doesNotContain(chain);
    }

    @Test
    void nestedNetsOfOneSetKeepOnlyTheOuterOneAndTheInnerComesBack() {
        apply(wep("prod", "db", "calidb", "10.65.0.12", labels("role", "db")),
                new dev.calyx.model.GlobalNetworkSet(dev.calyx.model.ObjectMeta.named("dbs").withLabels(
                        labels("role", "db")), new dev.calyx.model.GlobalNetworkSet.Spec(List.of("10.65.0.0/16"))),
                gnp("web-from-db", "default", 5, "app == 'web'", List.of("Ingress"),
                        List.of(fromSelector("Allow", "role == 'db'")), List.of()));
        assertThat(nft.dump()).contains("10.65.0.0/16");

        graph.onDelete(Kind.GLOBAL_NETWORK_SET, null, "dbs");
        graph.flush();
        manager.apply();
        assertThat(nft.dump()).doesNotContain("10.65.0.0/16").contains("10.65.0.12");
        assertThat(manager.resync().isEmpty()).isTrue();
    }

    @Test
    void resyncRestoresADeletedChainAndRemovesAForeignRule() {
        EndpointKey web = EndpointKey.workload("prod", "web");
        String chain = PolicyNames.toWorkloadChain(web);
        String before = nft.dump();
        nft.apply(new NftTransaction()
                .deleteElements(PolicyNames.TABLE, PolicyRenderer.dispatchMap(PolicyNames.TO_WORKLOAD_MAP),
                        List.of("caliweb"))
                .flushChain(PolicyNames.TABLE, chain).deleteChain(PolicyNames.TABLE, chain)
                .addRule(PolicyNames.TABLE, PolicyNames.FORWARD_CHAIN, "accept", null));
        assertThat(nft.dump()).isNotEqualTo(before);

        NftTransaction repair = manager.resync();

        assertThat(repair.isEmpty()).isFalse();
        assertThat(nft.dump()).isEqualTo(before);
        assertThat(manager.resync().isEmpty()).isTrue();
    }

    @Test
    void uninstallRemovesTheTableAndApplyBringsItBack() {
        String before = nft.dump();
        manager.uninstall();
        assertThat(nft.dump()).doesNotContain("calyx");
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "web"))).isFalse();
        manager.apply();
        assertThat(nft.dump()).isEqualTo(before);
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "web"))).isTrue();
    }

    @Test
    void resyncRecreatesADeletedTable() {
        String before = nft.dump();
        nft.apply(new NftTransaction().deleteTable(PolicyNames.TABLE));
        manager.resync();
        assertThat(nft.dump()).isEqualTo(before);
    }

    @Test
    void aFailedApplyStaysPendingAndIsRetried() {
        nft.failNextApply("Error: Could not process rule: No such file or directory");
        graph.onUpdate(wep("prod", "db", "calidb", "10.65.0.12", labels("role", "db")));
        graph.flush();
        org.assertj.core.api.Assertions.assertThatThrownBy(manager::apply);
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "db"))).isFalse();

        manager.apply();
        assertThat(manager.isProgrammed(EndpointKey.workload("prod", "db"))).isTrue();
        assertThat(nft.dump()).contains("calidb");
    }

    @Test
    void natOutgoingMasqueradesPoolTrafficLeavingAllPools() {
        manager.setNatPools(List.of(new NatPool("10.65.0.0/16", true), new NatPool("10.99.0.0/16", false)));
        manager.apply();
        assertThat(nft.dump()).contains("ip saddr @cx_masq_pools4 ip daddr != @cx_all_pools4 masquerade")
                .contains("hook postrouting");
        manager.setNatPools(List.of());
        manager.apply();
        assertThat(nft.dump()).doesNotContain("masquerade", "cx_masq_pools4");
    }

    private static int lastIndex(List<NftOp> ops, Class<?> type) {
        int last = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (type.isInstance(ops.get(i))) {
                last = i;
            }
        }
        return last;
    }

    private static int firstIndex(List<NftOp> ops, Class<?> type) {
        for (int i = 0; i < ops.size(); i++) {
            if (type.isInstance(ops.get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
