package dev.calyx.ipam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Calico's AutoAssign for one address family ({@code libcalico-go/lib/ipam/ipam.go:autoAssign}):
 * <ol>
 *   <li>usable pools = enabled ∩ nodeSelector matches the node ∩ allowedUses has the use (∩ requested names);</li>
 *   <li>take addresses from the node's affine blocks (re-creating a block whose claim crashed half-way);</li>
 *   <li>while short and {@code autoAllocateBlocks}, claim new blocks (two-phase) up to maxBlocksPerHost; when
 *       every block of the pools exists, reclaim another node's block that has been empty for a minute;</li>
 *   <li>while still short and not {@code strictAffinity}, borrow from other nodes' blocks;</li>
 *   <li>if still short: give back what this call took and fail, saying per pool what is full.</li>
 * </ol>
 * Reserved addresses (IPReservations) are never handed out.
 *
 * <p>Thread safety: stateless; safe from many threads and processes at once (all races go through CAS).
 */
final class AutoAssigner {
    private final IpamStore store;
    private final UsablePools usablePools;
    private final BlockClaimer claimer;
    private final BlockAssigner assigner;
    private final Releaser releaser;
    private final EmptyBlockReclaimer reclaimer;

    AutoAssigner(IpamStore store, UsablePools usablePools, BlockClaimer claimer, BlockAssigner assigner,
                 Releaser releaser, EmptyBlockReclaimer reclaimer) {
        this.store = store;
        this.reclaimer = reclaimer;
        this.usablePools = usablePools;
        this.claimer = claimer;
        this.assigner = assigner;
        this.releaser = releaser;
    }

    List<IpAddr> assign(AssignRequest req, IpFamily family, int want, Reservations reservations) {
        List<PoolSpec> pools = usablePools.select(req, family);
        IpamConfig config = store.config();
        List<IpAddr> got = new ArrayList<>();
        int affineCount = fromAffineBlocks(req, family, pools, want, reservations, got);
        boolean hitHostLimit = false;
        while (got.size() < want && config.autoAllocateBlocks()) {
            if (affineCount >= config.effectiveMaxBlocksPerHost()) {
                hitHostLimit = true;
                break;
            }
            Optional<Cidr> claimed = claimer.claimNew(req.node(), pools, reservations)
                    .or(() -> reclaimer.reclaim(req.node(), pools, reservations));
            if (claimed.isEmpty()) {
                break;
            }
            affineCount++;
            got.addAll(assigner.assign(claimed.get(), want - got.size(), req.handleId(), req.attrs(), reservations,
                    req.node()));
        }
        if (got.size() < want && !config.strictAffinity()) {
            borrow(req, family, pools, want, reservations, got);
        }
        if (got.size() < want) {
            releaser.releaseQuietly(got);
            throw new IpamExhaustedException(ExhaustionReport.describe(store, req, family, want, got.size(), pools,
                    config, affineCount, hitHostLimit, reservations));
        }
        return got;
    }

    /** Assigns from the node's affine blocks within the pools; returns how many affine blocks the node holds. */
    private int fromAffineBlocks(AssignRequest req, IpFamily family, List<PoolSpec> pools, int want,
                                 Reservations reservations, List<IpAddr> got) {
        List<Versioned<BlockAffinity>> affinities = store.affinities(req.node(), family).stream()
                .filter(a -> !a.value().state().equals(BlockAffinity.PENDING_DELETION)).toList();
        int held = affinities.size();
        for (Versioned<BlockAffinity> a : affinities) {
            Cidr cidr = IpamKeys.parseAffinity(a.key()).cidr();
            if (got.size() >= want) {
                break;
            }
            if (pools.stream().noneMatch(p -> p.cidr().contains(cidr))) {
                continue;
            }
            Optional<Versioned<IpamBlock>> block = store.block(cidr);
            if (block.isEmpty()) {
                claimer.recreateBlock(req.node(), cidr);
                claimer.confirm(req.node(), cidr);
            } else if (!req.node().equals(block.get().value().hostAffinity())) {
                held -= claimer.dropStaleAffinity(req.node(), cidr, a) ? 1 : 0;
                continue;
            }
            got.addAll(assigner.assign(cidr, want - got.size(), req.handleId(), req.attrs(), reservations,
                    req.node()));
        }
        return held;
    }

    private void borrow(AssignRequest req, IpFamily family, List<PoolSpec> pools, int want,
                        Reservations reservations, List<IpAddr> got) {
        List<IpamBlock> candidates = store.blocks(family).stream().map(Versioned::value)
                .filter(b -> !req.node().equals(b.hostAffinity()))
                .filter(b -> pools.stream().anyMatch(p -> p.cidr().contains(b.network())))
                .filter(b -> b.inUse() < b.allocations().size())
                .sorted(Comparator.comparing(IpamBlock::network)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        int start = BlockClaimer.seed(req.node()).mod(java.math.BigInteger.valueOf(candidates.size())).intValue();
        for (int i = 0; i < candidates.size() && got.size() < want; i++) {
            Cidr cidr = candidates.get((start + i) % candidates.size()).network();
            got.addAll(assigner.assign(cidr, want - got.size(), req.handleId(), req.attrs(), reservations, null));
        }
    }
}
