package dev.calyx.ipam;

import java.util.Optional;

/**
 * Keeps {@link IpamHandle} counts in step with block allocations. The allocator increments a handle BEFORE writing
 * the block (as Calico does), so a crash in between leaves an over-count that {@code IpamCheck} reports and
 * {@code IpamGc} repairs, never an allocation that release-by-handle cannot find.
 */
final class HandleCounter {
    private final IpamStore store;

    HandleCounter(IpamStore store) {
        this.store = store;
    }

    void increment(String id, Cidr block, int n) {
        IpamHandle fresh = new IpamHandle(java.util.Map.of(), false).plus(block.toString(), n);
        try {
            // Handles are nearly always new (one per pod interface): try the create first, saving a read.
            store.createHandle(id, fresh);
            return;
        } catch (dev.calyx.datastore.KeyExistsException e) {
            // Existing handle (a second address, or a retry): fall through to read-modify-write.
        }
        CasRetry.run("increment handle " + id + " for block " + block, () -> {
            Optional<Versioned<IpamHandle>> h = store.handle(id);
            if (h.isEmpty()) {
                store.createHandle(id, fresh);
            } else {
                store.updateHandle(id, h.get().value().plus(block.toString(), n), h.get().modRevision());
            }
            return null;
        });
    }

    void decrement(String id, Cidr block, int n) {
        edit(id, "decrement handle " + id + " for block " + block, h -> h.plus(block.toString(), -n));
    }

    /** Forgets the block in the handle (after releasing all its ordinals there), deleting an emptied handle. */
    void dropBlock(String id, Cidr block) {
        edit(id, "drop block " + block + " from handle " + id, h -> h.without(block.toString()));
    }

    private void edit(String id, String what, java.util.function.UnaryOperator<IpamHandle> change) {
        CasRetry.run(what, () -> {
            Optional<Versioned<IpamHandle>> h = store.handle(id);
            if (h.isEmpty()) {
                return null;
            }
            IpamHandle next = change.apply(h.get().value());
            if (next.block().isEmpty()) {
                store.deleteHandle(id, h.get().modRevision());
            } else {
                store.updateHandle(id, next, h.get().modRevision());
            }
            return null;
        });
    }
}
