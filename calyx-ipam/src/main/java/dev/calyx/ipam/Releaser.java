package dev.calyx.ipam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Release by address and by handle (Calico's {@code ReleaseIPs} / {@code ReleaseByHandle}). Per block: read,
 * free the ordinals, compare-and-swap (or delete the block if it became empty and has no affinity), then bring
 * the handles' counts down. Releasing what is not allocated is not an error (CNI DEL must be idempotent).
 *
 * <p>Thread safety: stateless.
 */
final class Releaser {
    private final IpamStore store;
    private final HandleCounter handles;

    Releaser(IpamStore store, HandleCounter handles) {
        this.store = store;
        this.handles = handles;
    }

    ReleaseResult release(List<ReleaseOptions> requests) {
        Map<Cidr, List<ReleaseOptions>> byBlock = new LinkedHashMap<>();
        List<IpAddr> notAllocated = new ArrayList<>();
        Map<IpFamily, List<Cidr>> blockIndex = new HashMap<>();
        for (ReleaseOptions r : requests) {
            List<Cidr> blocks = blockIndex.computeIfAbsent(r.ip().family(),
                    f -> store.blocks(f).stream().map(b -> b.value().network()).toList());
            Optional<Cidr> block = blocks.stream().filter(c -> c.contains(r.ip())).findFirst();
            if (block.isEmpty()) {
                notAllocated.add(r.ip());
            } else {
                byBlock.computeIfAbsent(block.get(), k -> new ArrayList<>()).add(r);
            }
        }
        List<IpAddr> released = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        byBlock.forEach((cidr, rs) -> releaseInBlock(cidr, rs, released, notAllocated, skipped));
        return new ReleaseResult(released, notAllocated, skipped);
    }

    /** Gives back addresses this process just took (a failed assignment); never throws over it. */
    void releaseQuietly(List<IpAddr> ips) {
        if (ips.isEmpty()) {
            return;
        }
        try {
            release(ips.stream().map(ReleaseOptions::of).toList());
        } catch (RuntimeException e) {
            // The allocation stays recorded under its handle: release-by-handle or GC will find it.
        }
    }

    private void releaseInBlock(Cidr cidr, List<ReleaseOptions> rs, List<IpAddr> released,
                                List<IpAddr> notAllocated, List<String> skipped) {
        record Outcome(List<IpAddr> freed, List<IpAddr> absent, List<String> skipped, Map<String, Integer> perHandle) {}
        Outcome o = CasRetry.run("release " + rs.size() + " addresses in block " + cidr, () -> {
            Optional<Versioned<IpamBlock>> read = store.block(cidr);
            if (read.isEmpty()) {
                return new Outcome(List.of(), rs.stream().map(ReleaseOptions::ip).toList(), List.of(), Map.of());
            }
            MutableBlock mb = new MutableBlock(read.get().value());
            List<IpAddr> freed = new ArrayList<>();
            List<IpAddr> absent = new ArrayList<>();
            List<String> skip = new ArrayList<>();
            Map<String, Integer> perHandle = new HashMap<>();
            for (ReleaseOptions r : rs) {
                int ord = cidr.ordinalOf(r.ip());
                String why = mismatch(mb, ord, r);
                if (mb.isFree(ord)) {
                    absent.add(r.ip());
                } else if (why != null) {
                    skip.add(r.ip() + ": " + why);
                } else {
                    String h = mb.release(ord);
                    freed.add(r.ip());
                    if (h != null) {
                        perHandle.merge(h, 1, Integer::sum);
                    }
                }
            }
            if (!freed.isEmpty()) {
                writeOrDelete(mb, read.get().modRevision());
            }
            return new Outcome(freed, absent, skip, perHandle);
        });
        o.perHandle().forEach((h, n) -> handles.decrement(h, cidr, n));
        released.addAll(o.freed());
        notAllocated.addAll(o.absent());
        skipped.addAll(o.skipped());
    }

    private static String mismatch(MutableBlock mb, int ord, ReleaseOptions r) {
        if (mb.isFree(ord)) {
            return null;
        }
        String handle = mb.attributeOf(ord).handleId();
        if (r.handleId() != null && !Objects.equals(handle, r.handleId())) {
            return "now belongs to handle " + handle + ", not " + r.handleId();
        }
        if (r.sequenceNumber() != null && mb.sequenceNumberOf(ord) != r.sequenceNumber()) {
            return "re-allocated since it was inspected (sequence number " + mb.sequenceNumberOf(ord) + ", expected "
                    + r.sequenceNumber() + ")";
        }
        return null;
    }

    /** Calico deletes a block that is empty and affine to nobody; affine blocks stay with their node. */
    private void writeOrDelete(MutableBlock mb, long rev) {
        if (mb.isEmpty() && mb.affinity() == null) {
            store.deleteBlock(mb.cidr(), rev);
        } else {
            store.updateBlock(mb.toBlock(), rev);
        }
    }

    /** Frees every address of the handle in every block it names, then forgets the handle. */
    List<IpAddr> releaseByHandle(String handleId) {
        Optional<Versioned<IpamHandle>> h = store.handle(handleId);
        if (h.isEmpty()) {
            return List.of();
        }
        List<IpAddr> out = new ArrayList<>();
        for (String blockCidr : h.get().value().block().keySet()) {
            Cidr cidr = Cidr.parse(blockCidr);
            out.addAll(CasRetry.run("release handle " + handleId + " in block " + cidr, () -> {
                Optional<Versioned<IpamBlock>> read = store.block(cidr);
                if (read.isEmpty()) {
                    return List.<IpAddr>of();
                }
                MutableBlock mb = new MutableBlock(read.get().value());
                List<Integer> ords = mb.ordinalsOf(handleId);
                if (ords.isEmpty()) {
                    return List.<IpAddr>of();
                }
                ords.forEach(mb::release);
                writeOrDelete(mb, read.get().modRevision());
                return ords.stream().map(cidr::address).toList();
            }));
            handles.dropBlock(handleId, cidr);
        }
        return out;
    }
}
