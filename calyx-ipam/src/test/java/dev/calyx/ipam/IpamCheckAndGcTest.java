package dev.calyx.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.ipam.Finding.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpamCheckAndGcTest {
    private final IpamFixture f = new IpamFixture().pool(PoolSpec.of("p", "10.0.0.0/24")).node("n1").node("n2");

    private IpamReport check() {
        return new IpamCheck(f.store, f.clock).run();
    }

    private IpamGc gc(Duration grace) {
        return new IpamGc(f.ipam, f.clock, grace);
    }

    private IpAddr podWithEndpoint(String pod, String node) {
        IpAddr ip = f.assign(pod, node, 1).ipv4().getFirst();
        f.workloadEndpoint("default", pod, node, ip);
        return ip;
    }

    @Test
    void aHealthyStoreHasNoFindings() {
        podWithEndpoint("a", "n1");
        podWithEndpoint("b", "n2");
        f.ipam.assign(AssignRequest.ipv4("vxlan-tunnel-addr-n1", "n1", 1, Map.of("type", "vxlanTunnelAddress",
                "node", "n1")));
        f.ipam.assign(AssignRequest.ipv4("plain", "n1", 1, Map.of()));
        IpamReport r = check();
        assertThat(r.findings()).isEmpty();
        assertThat(r.allocations()).isEqualTo(4);
        assertThat(r.version()).isEqualTo(IpamReport.VERSION);
    }

    @Test
    void podAllocationsWithoutEndpointAreLeaksReleasedOnlyAfterTheGracePeriod() {
        IpAddr kept = podWithEndpoint("a", "n1");
        IpAddr leaked = f.assign("gone", "n1", 1).ipv4().getFirst();
        assertThat(check().of(Kind.LEAKED_ALLOCATION)).singleElement().satisfies(x -> {
            assertThat(x.ip()).isEqualTo(leaked.toString());
            assertThat(x.detail()).contains("no WorkloadEndpoint of pod default/gone on node n1 has " + leaked);
        });

        GcResult first = gc(Duration.ofMinutes(15)).runForNode("n1");
        assertThat(first.released()).isEmpty();
        assertThat(first.waiting()).hasSize(1);

        f.now.set(f.now.get().plus(Duration.ofMinutes(14)));
        assertThat(gc(Duration.ofMinutes(15)).runForNode("n1").released()).isEmpty();

        f.now.set(f.now.get().plus(Duration.ofMinutes(1)));
        GcResult due = gc(Duration.ofMinutes(15)).runForNode("n1");
        assertThat(due.released()).containsExactly(leaked);
        assertThat(f.store.handle("gone")).isEmpty();
        assertThat(f.ipam.lookup(kept).orElseThrow().attribute()).isNotNull();
        assertThat(check().findings()).isEmpty();
    }

    @Test
    void nodeScopedGcLeavesOtherNodesAlone() {
        f.assign("gone1", "n1", 1);
        f.assign("gone2", "n2", 1);
        GcResult r = gc(Duration.ZERO).runForNode("n1");
        assertThat(r.released()).hasSize(1);
        assertThat(check().of(Kind.LEAKED_ALLOCATION)).singleElement()
                .satisfies(x -> assertThat(x.handle()).isEqualTo("gone2"));
    }

    @Test
    void anAddressReallocatedBetweenCheckAndReleaseIsNotReleased() {
        IpAddr ip = f.assign("old", "n1", 1).ipv4().getFirst();
        Finding leak = check().of(Kind.LEAKED_ALLOCATION).getFirst();
        f.ipam.releaseByHandle("old");
        f.ipam.assignIp(ip, "new", "n1", FixtureAttrs.pod("new", "n1"));
        ReleaseResult r = f.ipam.release(List.of(new ReleaseOptions(ip, leak.handle(), leak.sequenceNumber())));
        assertThat(r.released()).isEmpty();
        assertThat(f.ipam.lookup(ip).orElseThrow().attribute().handleId()).isEqualTo("new");
    }

    @Test
    void handleCountsThatDisagreeWithBlocksAreReportedAndRecounted() {
        IpAddr ip = podWithEndpoint("a", "n1");
        Cidr block = f.ipam.lookup(ip).orElseThrow().block();
        // A crash between the handle increment and the block write leaves an over-count.
        Versioned<IpamHandle> h = f.store.handle("a").orElseThrow();
        f.store.updateHandle("a", h.value().plus(block.toString(), 2), h.modRevision());
        f.store.createHandle("ghost", new IpamHandle(Map.of(block.toString(), 1), false));
        IpamReport r = check();
        assertThat(r.of(Kind.HANDLE_COUNT_MISMATCH)).singleElement()
                .satisfies(x -> assertThat(x.detail()).isEqualTo("handle counts 3, block holds 1"));
        assertThat(r.of(Kind.ORPHANED_HANDLE)).singleElement().satisfies(x -> assertThat(x.handle()).isEqualTo("ghost"));

        GcResult g = gc(Duration.ZERO).runClusterWide();
        assertThat(g.handlesRepaired()).containsExactly("a");
        assertThat(g.handlesDeleted()).containsExactly("ghost");
        assertThat(f.store.handle("a").orElseThrow().value().total()).isEqualTo(1);
        assertThat(check().findings()).isEmpty();
    }

    @Test
    void liveAllocationWithMissingHandleGetsItsHandleBack() {
        IpAddr ip = podWithEndpoint("a", "n1");
        f.store.deleteHandle("a", 0);
        assertThat(check().of(Kind.ALLOCATION_WITHOUT_HANDLE)).singleElement()
                .satisfies(x -> assertThat(x.ip()).isEqualTo(ip.toString()));
        gc(Duration.ZERO).runClusterWide();
        assertThat(f.ipam.ipsByHandle("a")).containsExactly(ip);
        assertThat(check().findings()).isEmpty();
    }

    @Test
    void plainAllocationWhoseHandleIsGoneIsALeak() {
        IpAddr ip = f.ipam.assign(AssignRequest.ipv4("cli-test", "n1", 1, Map.of())).ipv4().getFirst();
        f.store.deleteHandle("cli-test", 0);
        assertThat(check().of(Kind.LEAKED_ALLOCATION)).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("plain allocation whose handle cli-test"));
        assertThat(gc(Duration.ZERO).runClusterWide().released()).containsExactly(ip);
    }

    @Test
    void deletedNodesLoseTheirAddressesThenTheirEmptyBlocksAndAffinities() {
        podWithEndpoint("a", "n1");
        IpAddr tunnel = f.ipam.assign(AssignRequest.ipv4("vxlan-tunnel-addr-n2", "n2", 1,
                Map.of("type", "vxlanTunnelAddress")).withUse(AllowedUse.Tunnel)).ipv4().getFirst();
        IpAddr pod = podWithEndpoint("b", "n2");
        Cidr n2Block = f.ipam.lookup(pod).orElseThrow().block();
        f.kv.delete(IpamKeys.node("n2"), 0);

        IpamReport r = check();
        assertThat(r.of(Kind.LEAKED_ALLOCATION)).extracting(Finding::ip)
                .containsExactlyInAnyOrder(tunnel.toString(), pod.toString());
        assertThat(r.of(Kind.ORPHANED_AFFINITY)).singleElement().satisfies(x -> {
            assertThat(x.node()).isEqualTo("n2");
            assertThat(x.detail()).contains("2 addresses in use");
        });

        GcResult g = gc(Duration.ZERO).runClusterWide();
        assertThat(g.released()).containsExactlyInAnyOrder(tunnel, pod);
        assertThat(g.blocksFreed()).containsExactly(n2Block.toString());
        assertThat(f.store.block(n2Block)).isEmpty();
        assertThat(f.store.affinities("n2", IpFamily.V4)).isEmpty();
        assertThat(check().findings()).isEmpty();
    }

    @Test
    void duplicateAddressesAndCorruptBlocksAreReportedNotRepaired() {
        f.store.createBlock(IpamBlock.empty(Cidr.parse("10.0.0.0/26"), null, null));
        MutableBlock big = new MutableBlock(IpamBlock.empty(Cidr.parse("10.0.0.0/25"), null, null));
        big.allocate(List.of(5), "x", Map.of());
        f.store.createBlock(big.toBlock());
        MutableBlock small = new MutableBlock(f.block("10.0.0.0/26"));
        small.allocate(List.of(5), "y", Map.of());
        IpamBlock corrupt = small.toBlock();
        List<Integer> free = new java.util.ArrayList<>(corrupt.unallocated());
        free.add(5);
        f.store.updateBlock(new IpamBlock(corrupt.cidr(), null, null, false, corrupt.allocations(), free,
                corrupt.attributes(), false, 1, Map.of()), f.store.block(Cidr.parse("10.0.0.0/26")).orElseThrow()
                .modRevision());
        IpamReport r = check();
        assertThat(r.of(Kind.DUPLICATE_ADDRESS)).singleElement().satisfies(x -> assertThat(x.ip()).isEqualTo("10.0.0.5"));
        assertThat(r.of(Kind.BLOCK_INCONSISTENT)).singleElement()
                .satisfies(x -> assertThat(x.detail()).contains("ordinal 5 is both allocated and listed free"));
        assertThat(gc(Duration.ZERO).runClusterWide().unrepairable()).hasSize(2);
    }

    @Test
    void reportRoundTripsThroughJson() throws Exception {
        f.assign("gone", "n1", 1);
        IpamReport r = check();
        byte[] json = IpamJson.write(r);
        IpamReport back = IpamJson.MAPPER.readValue(json, IpamReport.class);
        assertThat(back).isEqualTo(r);
    }

    /** Attribute maps for tests that do not go through the fixture's assign. */
    static final class FixtureAttrs {
        static Map<String, String> pod(String pod, String node) {
            return IpamFixture.podAttrs("default", pod, node);
        }
    }
}
