package dev.calyx.ipam;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.DatastoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes free addresses out of one existing block (Calico's {@code assignFromExistingBlock}): read the block, pick
 * free non-reserved ordinals, count them in the handle, compare-and-swap the block; on conflict undo the handle
 * count and start over from a fresh read.
 *
 * <p>Thread safety: stateless.
 */
final class BlockAssigner {
    private final IpamStore store;
    private final HandleCounter handles;

    BlockAssigner(IpamStore store, HandleCounter handles) {
        this.store = store;
        this.handles = handles;
    }

    /**
     * Up to {@code want} addresses from {@code cidr} for {@code handleId}. {@code requiredHost} non-null means
     * "only while the block is still affine to this node". Empty when the block is full or missing.
     */
    List<IpAddr> assign(Cidr cidr, int want, String handleId, Map<String, String> attrs, Reservations reservations,
                        String requiredHost) {
        return CasRetry.run("assign " + want + " from block " + cidr + " for handle " + handleId, () -> {
            Optional<Versioned<IpamBlock>> read = store.block(cidr);
            if (read.isEmpty()) {
                return List.<IpAddr>of();
            }
            IpamBlock block = read.get().value();
            if (block.deleted() || (requiredHost != null && !requiredHost.equals(block.hostAffinity()))) {
                return List.<IpAddr>of();
            }
            MutableBlock mb = new MutableBlock(block);
            List<Integer> ordinals = mb.pickFree(want, reservations.ordinalsIn(cidr));
            if (ordinals.isEmpty()) {
                return List.<IpAddr>of();
            }
            mb.allocate(ordinals, handleId, attrs);
            write(cidr, mb.toBlock(), read.get().modRevision(), handleId, ordinals.size());
            List<IpAddr> ips = new ArrayList<>(ordinals.size());
            ordinals.forEach(o -> ips.add(cidr.address(o)));
            return ips;
        });
    }

    /** Assigns one given ordinal; false if it is taken. */
    boolean assignOrdinal(Cidr cidr, int ordinal, String handleId, Map<String, String> attrs) {
        return CasRetry.run("assign " + cidr.address(ordinal) + " for handle " + handleId, () -> {
            Versioned<IpamBlock> read = store.block(cidr).orElseThrow(() -> new CasConflictException(
                    "block " + cidr + " vanished"));
            MutableBlock mb = new MutableBlock(read.value());
            if (!mb.isFree(ordinal)) {
                return false;
            }
            mb.allocate(List.of(ordinal), handleId, attrs);
            write(cidr, mb.toBlock(), read.modRevision(), handleId, 1);
            return true;
        });
    }

    private void write(Cidr cidr, IpamBlock next, long rev, String handleId, int n) {
        handles.increment(handleId, cidr, n);
        try {
            store.updateBlock(next, rev);
        } catch (DatastoreException e) {
            handles.decrement(handleId, cidr, n);
            throw e;
        }
    }
}
