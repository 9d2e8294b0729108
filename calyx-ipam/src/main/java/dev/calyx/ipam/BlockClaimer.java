package dev.calyx.ipam;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import java.math.BigInteger;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Claims blocks for a node with Calico's two-phase protocol, so a crash at any point leaves either nothing, a
 * pending affinity without a block (treated as absent, and re-usable by the same node), or a complete claim:
 * <pre>
 *   (a) create affinity  /calico/ipam/v2/host/N/ipv4/block/C   {state: pending}
 *   (b) create block     /calico/ipam/v2/assignment/ipv4/block/C   {affinity: host:N}
 *         exists and ours   -> carry on          exists and not ours -> delete (a), try another C
 *   (c) update affinity  {state: confirmed}
 * </pre>
 * Candidate CIDRs are walked from a start point seeded by a hash of the node name, so one node's retries are
 * deterministic and competing nodes start in different places (Calico's {@code determineSeed}).
 *
 * <p>Thread safety: stateless; concurrent claims race only through the datastore's compare-and-swap.
 */
final class BlockClaimer {
    /** How far past the already-claimed blocks to look in a huge (IPv6) pool before calling it full. */
    private static final int EXTRA_CANDIDATES = 1024;

    private final IpamStore store;
    private final InstantSource clock;

    BlockClaimer(IpamStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Claims a free block in the first pool that has one; empty if every pool's blocks are taken. */
    Optional<Cidr> claimNew(String node, List<PoolSpec> pools, Reservations reservations) {
        if (pools.isEmpty()) {
            return Optional.empty();
        }
        Set<Cidr> taken = new HashSet<>();
        store.blocks(pools.getFirst().family()).forEach(b -> taken.add(b.value().network()));
        for (PoolSpec pool : pools) {
            Optional<Cidr> c = claimInPool(node, pool, taken, reservations);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Optional<Cidr> claimInPool(String node, PoolSpec pool, Set<Cidr> taken, Reservations reservations) {
        BigInteger count = pool.blockCount();
        long inPool = taken.stream().filter(pool.cidr()::contains).count();
        BigInteger limit = count.min(BigInteger.valueOf(inPool + EXTRA_CANDIDATES));
        BigInteger start = seed(node).mod(count);
        for (BigInteger i = BigInteger.ZERO; i.compareTo(limit) < 0; i = i.add(BigInteger.ONE)) {
            Cidr candidate = pool.cidr().subnet(start.add(i).mod(count), pool.blockSize());
            if (taken.contains(candidate) || fullyReserved(candidate, reservations)) {
                continue;
            }
            if (claim(node, candidate)) {
                return Optional.of(candidate);
            }
            taken.add(candidate);
        }
        return Optional.empty();
    }

    private static boolean fullyReserved(Cidr block, Reservations r) {
        return r.ordinalsIn(block).cardinality() == block.size().intValueExact();
    }

    static BigInteger seed(String node) {
        long h = 1125899906842597L;
        for (char ch : node.toCharArray()) {
            h = 31 * h + ch;
        }
        return BigInteger.valueOf(h).abs();
    }

    /** Runs the two-phase claim of {@code cidr} for {@code node}; false if another node owns the block. */
    boolean claim(String node, Cidr cidr) {
        long affinityRev = writePendingAffinity(node, cidr);
        try {
            store.createBlock(IpamBlock.empty(cidr, "host:" + node, clock.instant().toString()));
        } catch (KeyExistsException e) {
            Optional<Versioned<IpamBlock>> existing = store.block(cidr);
            if (existing.isEmpty() || !node.equals(existing.get().value().hostAffinity())) {
                dropPendingAffinity(node, cidr, affinityRev);
                return false;
            }
        }
        confirm(node, cidr);
        return true;
    }

    /** Creates the block of an affinity whose block is missing (a claim that crashed between (a) and (b)). */
    void recreateBlock(String node, Cidr cidr) {
        try {
            store.createBlock(IpamBlock.empty(cidr, "host:" + node, clock.instant().toString()));
        } catch (KeyExistsException e) {
            // Someone (probably us, concurrently) created it: the caller re-reads it.
        }
    }

    private long writePendingAffinity(String node, Cidr cidr) {
        try {
            return store.createAffinity(node, cidr, BlockAffinity.of(BlockAffinity.PENDING));
        } catch (KeyExistsException e) {
            // Left by an earlier attempt of this node: carry on with it.
            return store.affinity(node, cidr).map(Versioned::modRevision).orElse(0L);
        }
    }

    private void dropPendingAffinity(String node, Cidr cidr, long rev) {
        try {
            store.deleteAffinity(node, cidr, rev);
        } catch (CasConflictException | KeyNotFoundException e) {
            // Changed or gone since: not ours to clean any more.
        }
    }

    /**
     * Withdraws this node's affinity for a block whose own affinity names another node: a claim that lost the block
     * and crashed before cleaning up (step (b) above), or a block another node reclaimed while empty
     * ({@link EmptyBlockReclaimer}). The block is the source of truth. True if the affinity was removed.
     */
    boolean dropStaleAffinity(String node, Cidr cidr, Versioned<BlockAffinity> affinity) {
        try {
            store.deleteAffinity(node, cidr, affinity.modRevision());
            return true;
        } catch (CasConflictException | KeyNotFoundException e) {
            return false;
        }
    }

    void confirm(String node, Cidr cidr) {
        CasRetry.run("confirm affinity of block " + cidr + " to node " + node, () -> {
            Optional<Versioned<BlockAffinity>> a = store.affinity(node, cidr);
            if (a.isEmpty()) {
                store.createAffinity(node, cidr, BlockAffinity.of(BlockAffinity.CONFIRMED));
            } else if (!a.get().value().state().equals(BlockAffinity.CONFIRMED)) {
                store.updateAffinity(node, cidr, BlockAffinity.of(BlockAffinity.CONFIRMED), a.get().modRevision());
            }
            return null;
        });
    }
}
