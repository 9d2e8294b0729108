package dev.calyx.ipam;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When every block of the usable pools exists, takes over a block that another node holds but has left empty for
 * at least {@link #MIN_RECLAIM_AGE} (Calico's {@code EmptyBlockMinReclaimAge}), instead of failing or borrowing
 * forever. Without this, nodes that once ran many pods keep their empty blocks and a small pool looks exhausted
 * (Calico users' "blocks not reused" complaint).
 *
 * <p>Order, each step CAS-guarded, so a crash leaves at worst a stale affinity that its node withdraws on its next
 * assignment ({@link BlockClaimer#dropStaleAffinity}):
 * <pre>
 *   (a) create our affinity, pending   (b) CAS the still-empty block to affinity host:us
 *   (c) delete the old node's affinity (d) confirm ours
 * </pre>
 * The old node cannot slip an address in between: its allocation would be a CAS on the same block revision.
 *
 * <p>Thread safety: stateless.
 */
final class EmptyBlockReclaimer {
    static final Duration MIN_RECLAIM_AGE = Duration.ofMinutes(1);

    private final IpamStore store;
    private final InstantSource clock;

    EmptyBlockReclaimer(IpamStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    Optional<Cidr> reclaim(String node, List<PoolSpec> pools, Reservations reservations) {
        if (pools.isEmpty()) {
            return Optional.empty();
        }
        Instant cutoff = clock.instant().minus(MIN_RECLAIM_AGE);
        for (Versioned<IpamBlock> v : store.blocks(pools.getFirst().family())) {
            IpamBlock b = v.value();
            String owner = b.hostAffinity();
            if (owner == null || owner.equals(node) || !b.isEmpty() || !claimedBefore(b, cutoff)
                    || pools.stream().noneMatch(p -> p.cidr().contains(b.network()))) {
                continue;
            }
            if (takeOver(node, owner, v)) {
                return Optional.of(b.network());
            }
        }
        return Optional.empty();
    }

    private static boolean claimedBefore(IpamBlock b, Instant cutoff) {
        try {
            return b.affinityClaimTime() == null || Instant.parse(b.affinityClaimTime()).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private boolean takeOver(String node, String owner, Versioned<IpamBlock> v) {
        Cidr cidr = v.value().network();
        try {
            store.createAffinity(node, cidr, BlockAffinity.of(BlockAffinity.PENDING));
        } catch (KeyExistsException e) {
            // Ours from an earlier attempt: carry on.
        }
        try {
            MutableBlock mb = new MutableBlock(v.value());
            mb.setAffinity("host:" + node, clock.instant().toString());
            store.updateBlock(mb.toBlock(), v.modRevision());
        } catch (CasConflictException | KeyNotFoundException e) {
            store.affinity(node, cidr).ifPresent(a -> deleteQuietly(node, cidr, a.modRevision()));
            return false;
        }
        store.affinity(owner, cidr).ifPresent(a -> deleteQuietly(owner, cidr, a.modRevision()));
        new BlockClaimer(store, clock).confirm(node, cidr);
        return true;
    }

    private void deleteQuietly(String node, Cidr cidr, long rev) {
        try {
            store.deleteAffinity(node, cidr, rev);
        } catch (CasConflictException | KeyNotFoundException e) {
            // Changed since we looked: its owner sorts it out.
        }
    }
}
