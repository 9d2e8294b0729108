package dev.calyx.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IpamClientTest {
    private final IpamFixture f = new IpamFixture();

    private List<Cidr> affineBlocks(String node, IpFamily fam) {
        return f.store.affinities(node, fam).stream().map(a -> IpamKeys.parseAffinity(a.key()).cidr()).toList();
    }

    @Test
    void firstAssignClaimsABlockForTheNodeWithAConfirmedAffinity() {
        f.pool(PoolSpec.of("p", "10.0.0.0/24"));
        IpAddr ip = f.assign("h1", "n1", 1).ipv4().getFirst();

        List<Cidr> affine = affineBlocks("n1", IpFamily.V4);
        assertThat(affine).hasSize(1);
        Cidr block = affine.getFirst();
        assertThat(block.contains(ip)).isTrue();
        assertThat(block.prefix()).isEqualTo(26);
        assertThat(f.store.affinity("n1", block).orElseThrow().value().state()).isEqualTo("confirmed");
        IpamBlock b = f.block(block.toString());
        assertThat(b.affinity()).isEqualTo("host:n1");
        assertThat(b.attributeOf(block.ordinalOf(ip)).handleId()).isEqualTo("h1");
        assertThat(b.attributeOf(block.ordinalOf(ip)).activeOwnerAttrs()).containsEntry("pod", "h1");
        assertThat(f.store.handle("h1").orElseThrow().value().block()).containsEntry(block.toString(), 1);
    }

    @Test
    void laterAssignmentsFillTheAffineBlockInOrderBeforeClaimingAnother() {
        f.pool(PoolSpec.of("p", "10.0.0.0/24").withBlockSize(28));
        Set<IpAddr> seen = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            seen.addAll(f.assign("h" + i, "n1", 1).ipv4());
        }
        assertThat(seen).hasSize(16);
        assertThat(affineBlocks("n1", IpFamily.V4)).hasSize(1);
        f.assign("h16", "n1", 1);
        assertThat(affineBlocks("n1", IpFamily.V4)).hasSize(2);
    }

    @Test
    void sequenceNumbersAreBumpedPerWriteAndStampedPerOrdinal() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        IpAddr a = f.assign("h1", "n1", 1).ipv4().getFirst();
        IpAddr b = f.assign("h2", "n1", 1).ipv4().getFirst();
        IpamBlock block = f.block("10.0.0.0/26");
        assertThat(block.sequenceNumber()).isEqualTo(2);
        assertThat(block.sequenceNumberOf(block.network().ordinalOf(a))).isEqualTo(0);
        assertThat(block.sequenceNumberOf(block.network().ordinalOf(b))).isEqualTo(1);
    }

    @Test
    void anotherNodeBorrowsFromAFullPoolUnlessStrictAffinity() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        f.assign("h1", "n1", 1);
        IpAddr borrowed = f.assign("h2", "n2", 1).ipv4().getFirst();
        assertThat(Cidr.parse("10.0.0.0/26").contains(borrowed)).isTrue();
        assertThat(affineBlocks("n2", IpFamily.V4)).isEmpty();
        assertThat(f.block("10.0.0.0/26").affinity()).isEqualTo("host:n1");

        f.ipam.setConfig(new IpamConfig(true, true, 0));
        assertThatThrownBy(() -> f.assign("h3", "n2", 1)).isInstanceOf(IpamExhaustedException.class)
                .hasMessageContaining("pool p (10.0.0.0/26): 1 blocks all claimed, 62 free addresses")
                .hasMessageContaining("borrowing disabled (strictAffinity=true)");
    }

    @Test
    void maxBlocksPerHostStopsClaimsAndTheErrorSaysSo() {
        f.pool(PoolSpec.of("p", "10.0.0.0/24").withBlockSize(28));
        f.ipam.setConfig(new IpamConfig(true, true, 2));
        f.assign("h1", "n1", 32);
        assertThat(affineBlocks("n1", IpFamily.V4)).hasSize(2);
        assertThatThrownBy(() -> f.assign("h2", "n1", 1)).isInstanceOf(IpamExhaustedException.class)
                .hasMessageContaining("node n1 holds 2 blocks (maxBlocksPerHost 2, reached)")
                .hasMessageContaining("2 of 16 blocks claimed, 0 free addresses");
        assertThat(f.store.handle("h2")).isEmpty();
    }

    @Test
    void exhaustedPoolNamesThePoolAndGivesBackPartialAssignments() {
        f.pool(PoolSpec.of("default-ipv4-ippool", "10.0.0.0/26"));
        f.assign("h1", "n1", 60);
        assertThatThrownBy(() -> f.assign("h2", "n1", 5)).isInstanceOf(IpamExhaustedException.class)
                .hasMessageStartingWith("no addresses left: pool default-ipv4-ippool (10.0.0.0/26): "
                        + "1 blocks all claimed, 4 free addresses in them")
                .hasMessageContaining("wanted 5 IPv4 for handle h2, found 4, given back");
        assertThat(f.block("10.0.0.0/26").inUse()).isEqualTo(60);
        assertThat(f.store.handle("h2")).isEmpty();
    }

    @Test
    void releaseByAddressAndByHandleKeepsHandlesInStep() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        List<IpAddr> ips = f.assign("h1", "n1", 3).ipv4();
        ReleaseResult r = f.ipam.releaseIps(ips.getFirst(), IpAddr.parse("10.9.9.9"));
        assertThat(r.released()).containsExactly(ips.getFirst());
        assertThat(r.notAllocated()).containsExactly(IpAddr.parse("10.9.9.9"));
        assertThat(f.store.handle("h1").orElseThrow().value().total()).isEqualTo(2);
        assertThat(f.ipam.ipsByHandle("h1")).containsExactlyInAnyOrderElementsOf(ips.subList(1, 3));

        assertThat(f.ipam.releaseByHandle("h1")).containsExactlyInAnyOrderElementsOf(ips.subList(1, 3));
        assertThat(f.store.handle("h1")).isEmpty();
        assertThat(f.block("10.0.0.0/26").inUse()).isZero();
        assertThat(f.block("10.0.0.0/26").attributes()).isEmpty();
        assertThat(f.ipam.releaseByHandle("h1")).isEmpty();
        assertThat(f.block("10.0.0.0/26").affinity()).isEqualTo("host:n1");
    }

    @Test
    void releasedOrdinalsGoToTheTailOfTheFreeList() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        IpAddr first = f.assign("h1", "n1", 1).ipv4().getFirst();
        f.ipam.releaseIps(first);
        IpAddr second = f.assign("h2", "n1", 1).ipv4().getFirst();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void releaseWithAStaleSequenceNumberOrHandleIsSkipped() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        IpAddr ip = f.assign("h1", "n1", 1).ipv4().getFirst();
        ReleaseResult r = f.ipam.release(List.of(new ReleaseOptions(ip, "h1", 7L), new ReleaseOptions(ip, "hX", null)));
        assertThat(r.released()).isEmpty();
        assertThat(r.skipped()).hasSize(2);
        assertThat(r.skipped().get(0)).contains("sequence number 0, expected 7");
        assertThat(r.skipped().get(1)).contains("now belongs to handle h1, not hX");
    }

    @Test
    void emptiedBorrowedBlockWithoutAffinityIsDeleted() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        f.store.createBlock(IpamBlock.empty(Cidr.parse("10.0.0.0/26"), null, null));
        // Not a config setConfig accepts, but one a datastore can hold: written raw to force borrowing.
        f.kv.put(IpamKeys.CONFIG, IpamJson.write(new IpamConfig(false, false, 0)));
        IpAddr ip = f.assign("h1", "n1", 1).ipv4().getFirst();
        f.ipam.releaseIps(ip);
        assertThat(f.store.block(Cidr.parse("10.0.0.0/26"))).isEmpty();
    }

    @Test
    void reservedAddressesAreNeverHandedOut() {
        f.pool(new PoolSpec("p", Cidr.parse("10.0.0.0/28"), 28, null, false, null));
        f.reserve("r", "10.0.0.0/30", "10.0.0.8/32");
        List<IpAddr> ips = f.assign("h1", "n1", 11).ipv4();
        assertThat(ips).doesNotContain(IpAddr.parse("10.0.0.0"), IpAddr.parse("10.0.0.3"), IpAddr.parse("10.0.0.8"));
        assertThatThrownBy(() -> f.assign("h2", "n1", 1)).isInstanceOf(IpamExhaustedException.class)
                .hasMessageContaining("0 free addresses");
        assertThatThrownBy(() -> f.ipam.assignIp(IpAddr.parse("10.0.0.1"), "h3", "n1", Map.of()))
                .isInstanceOf(AddressInUseException.class).hasMessageContaining("IPReservation");
    }

    @Test
    void disabledPoolsAndUnselectedNodesAreExplained() {
        f.pool(PoolSpec.of("off", "10.1.0.0/24").withDisabled(true));
        f.pool(PoolSpec.of("zone-b", "10.2.0.0/24").withNodeSelector("zone == \"b\""));
        f.pool(PoolSpec.of("tunnels", "10.3.0.0/24").withAllowedUses(Set.of(AllowedUse.Tunnel)));
        f.node("n1", Map.of("zone", "a"));
        assertThatThrownBy(() -> f.assign("h1", "n1", 1)).isInstanceOf(IpamExhaustedException.class)
                .hasMessageContaining("no IPv4 pool usable for node n1 (use Workload)")
                .hasMessageContaining("pool off (10.1.0.0/24) is disabled")
                .hasMessageContaining("nodeSelector zone == \"b\" does not select node n1")
                .hasMessageContaining("does not allow use Workload");
        f.pools.add(PoolSpec.of("broken", "10.4.0.0/24").withNodeSelector("zone == "));
        assertThatThrownBy(() -> f.assign("h1", "n1", 1)).isInstanceOf(IpamException.class)
                .hasMessageContaining("IPPool broken: nodeSelector: selector \"zone == \"");
        f.pools.removeLast();
        f.node("n2", Map.of("zone", "b"));
        assertThat(Cidr.parse("10.2.0.0/24").contains(f.assign("h2", "n2", 1).ipv4().getFirst())).isTrue();
        IpAddr t = f.ipam.assign(AssignRequest.ipv4("tun", "n1", 1, Map.of("type", "vxlanTunnelAddress"))
                .withUse(AllowedUse.Tunnel)).ipv4().getFirst();
        assertThat(Cidr.parse("10.3.0.0/24").contains(t) || Cidr.parse("10.2.0.0/24").contains(t)).isTrue();
    }

    @Test
    void ipv6WorksLikeIpv4AndDualStackIsAllOrNothing() {
        f.pool(PoolSpec.of("v4", "10.0.0.0/26"));
        f.pool(PoolSpec.of("v6", "fd00::/120"));
        AssignResult r = f.ipam.assign(new AssignRequest("h1", "n1", 1, 2, Map.of(), null, null));
        assertThat(r.ipv6()).hasSize(2).allMatch(ip -> Cidr.parse("fd00::/120").contains(ip));
        Cidr v6Block = affineBlocks("n1", IpFamily.V6).getFirst();
        assertThat(v6Block.prefix()).isEqualTo(122);
        assertThat(f.store.kv().get("/calico/ipam/v2/assignment/ipv6/block/" + v6Block.base() + "-122")).isPresent();
        assertThat(f.store.handle("h1").orElseThrow().value().total()).isEqualTo(3);

        f.ipam.setConfig(new IpamConfig(true, true, 0));
        assertThatThrownBy(() -> f.ipam.assign(new AssignRequest("h2", "n1", 1, 300, Map.of(), null, null)))
                .isInstanceOf(IpamExhaustedException.class).hasMessageContaining("IPv6");
        assertThat(f.store.handle("h2")).isEmpty();
        assertThat(f.block("10.0.0.0/26").inUse()).isEqualTo(1);
    }

    @Test
    void conflictingWritesAreRetriedFromAFreshRead() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        f.assign("h0", "n1", 1);
        String blockKey = IpamKeys.block(Cidr.parse("10.0.0.0/26"));
        // Three times, a "concurrent writer" rewrites the block right before our compare-and-swap.
        f.kv.beforeNextCas(3, key -> {
            if (key.equals(blockKey)) {
                f.kv.put(key, f.kv.get(key).orElseThrow().value());
            }
        });
        IpAddr ip = f.assign("h1", "n1", 1).ipv4().getFirst();
        assertThat(f.block("10.0.0.0/26").inUse()).isEqualTo(2);
        assertThat(f.store.handle("h1").orElseThrow().value().total()).isEqualTo(1);
        assertThat(f.ipam.ipsByHandle("h1")).containsExactly(ip);
    }

    @Test
    void endlessConflictsGiveUpWithAClearError() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        f.assign("h0", "n1", 1);
        f.kv.beforeNextCas(10_000, key -> f.kv.put(key, f.kv.get(key).orElseThrow().value()));
        assertThatThrownBy(() -> f.assign("h1", "n1", 1)).isInstanceOf(IpamConflictException.class)
                .hasMessageContaining("lost the compare-and-swap race 100 times");
    }

    @Test
    void aBlockClaimedByAnotherNodeIsNotTakenAndOurPendingAffinityIsWithdrawn() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        Cidr c = Cidr.parse("10.0.0.0/26");
        BlockClaimer claimer = new BlockClaimer(f.store, f.clock);
        assertThat(claimer.claim("n2", c)).isTrue();
        assertThat(claimer.claim("n1", c)).isFalse();
        assertThat(f.store.affinity("n1", c)).isEmpty();
        assertThat(f.block("10.0.0.0/26").affinity()).isEqualTo("host:n2");
    }

    @Test
    void aClaimThatCrashedAfterThePendingAffinityIsCompletedByTheNextAssign() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        Cidr c = Cidr.parse("10.0.0.0/26");
        f.store.createAffinity("n1", c, BlockAffinity.of(BlockAffinity.PENDING));
        f.assign("h1", "n1", 1);
        assertThat(f.block("10.0.0.0/26").affinity()).isEqualTo("host:n1");
        assertThat(f.store.affinity("n1", c).orElseThrow().value().state()).isEqualTo("confirmed");
    }

    @Test
    void aStalePendingAffinityForABlockAnotherNodeWonIsWithdrawn() {
        f.pool(PoolSpec.of("p", "10.0.0.0/25"));
        Cidr c = Cidr.parse("10.0.0.0/26");
        new BlockClaimer(f.store, f.clock).claim("n2", c);
        f.store.createAffinity("n1", c, BlockAffinity.of(BlockAffinity.PENDING)); // n1 lost the race, then crashed
        IpAddr ip = f.assign("h1", "n1", 1).ipv4().getFirst();
        assertThat(Cidr.parse("10.0.0.64/26").contains(ip)).isTrue();
        assertThat(f.store.affinity("n1", c)).isEmpty();
        assertThat(f.block("10.0.0.0/26").affinity()).isEqualTo("host:n2");
    }

    @Test
    void anotherNodesBlockEmptyForAMinuteIsReclaimedWhenThePoolHasNoFreshBlock() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        f.ipam.setConfig(new IpamConfig(true, true, 0));
        f.assign("h1", "n1", 1);
        f.ipam.releaseByHandle("h1");
        assertThatThrownBy(() -> f.assign("h2", "n2", 1)).isInstanceOf(IpamExhaustedException.class);

        f.now.set(f.now.get().plusSeconds(61));
        IpAddr b = f.assign("h2", "n2", 1).ipv4().getFirst();
        assertThat(Cidr.parse("10.0.0.0/26").contains(b)).isTrue();
        assertThat(f.block("10.0.0.0/26").affinity()).isEqualTo("host:n2");
        assertThat(f.store.affinities("n1", IpFamily.V4)).isEmpty();
        assertThat(f.store.affinity("n2", Cidr.parse("10.0.0.0/26")).orElseThrow().value().state())
                .isEqualTo("confirmed");
    }

    @Test
    void aBlockReclaimedByAnotherNodeIsDroppedFromTheOldOwnersAffinities() {
        f.pool(PoolSpec.of("p", "10.0.0.0/25"));
        Cidr c = Cidr.parse("10.0.0.0/26");
        new BlockClaimer(f.store, f.clock).claim("n2", c);
        f.store.createAffinity("n1", c, BlockAffinity.of(BlockAffinity.CONFIRMED)); // crash after step (b)
        f.assign("h1", "n1", 1);
        assertThat(f.store.affinity("n1", c)).isEmpty();
    }

    @Test
    void specificAddressAssignmentClaimsTheBlockAndRefusesTakenAddresses() {
        f.pool(PoolSpec.of("p", "10.0.0.0/24"));
        IpAddr ip = IpAddr.parse("10.0.0.77");
        f.ipam.assignIp(ip, "h1", "n1", Map.of("type", "ipipTunnelAddress"));
        assertThat(f.block("10.0.0.64/26").affinity()).isEqualTo("host:n1");
        assertThat(f.ipam.lookup(ip).orElseThrow().attribute().handleId()).isEqualTo("h1");
        assertThatThrownBy(() -> f.ipam.assignIp(ip, "h2", "n1", Map.of()))
                .isInstanceOf(AddressInUseException.class).hasMessageContaining("already allocated to handle h1");
        assertThatThrownBy(() -> f.ipam.assignIp(IpAddr.parse("10.9.0.1"), "h2", "n1", Map.of()))
                .isInstanceOf(IpamException.class).hasMessageContaining("no IPPool contains it");
    }

    @Test
    void tunnelAddressesUseCalicosHandlesAndAreAllocatedOnce() {
        f.pool(PoolSpec.of("pods", "10.0.0.0/24").withAllowedUses(Set.of(AllowedUse.Workload)));
        f.pool(PoolSpec.of("tunnels", "10.1.0.0/24"));
        IpAddr t = f.ipam.ensureTunnelAddress(TunnelAddress.VXLAN, "n1");
        assertThat(Cidr.parse("10.1.0.0/24").contains(t)).isTrue();
        assertThat(f.ipam.ensureTunnelAddress(TunnelAddress.VXLAN, "n1")).isEqualTo(t);
        AllocationAttribute a = f.ipam.lookup(t).orElseThrow().attribute();
        assertThat(a.handleId()).isEqualTo("vxlan-tunnel-addr-n1");
        assertThat(a.activeOwnerAttrs()).containsEntry("type", "vxlanTunnelAddress").containsEntry("node", "n1");
    }

    @Test
    void blockJsonUsesCalicoFieldNames() {
        f.pool(PoolSpec.of("p", "10.0.0.0/26"));
        f.assign("h1", "n1", 1);
        String json = f.kv.get(IpamKeys.block(Cidr.parse("10.0.0.0/26"))).orElseThrow().valueAsString();
        assertThat(json).contains("\"cidr\":\"10.0.0.0/26\"", "\"affinity\":\"host:n1\"", "\"handle_id\":\"h1\"",
                "\"secondary\":{", "\"sequenceNumberForAllocation\":{", "\"unallocated\":[", "\"allocations\":[",
                "\"deleted\":false");
        assertThat(f.kv.get("/calico/ipam/v2/host/n1/ipv4/block/10.0.0.0-26").orElseThrow().valueAsString())
                .isEqualTo("{\"state\":\"confirmed\",\"deleted\":false}");
        assertThat(f.kv.get("/calico/ipam/v2/handle/h1").orElseThrow().valueAsString())
                .isEqualTo("{\"block\":{\"10.0.0.0/26\":1},\"deleted\":false}");
    }
}
