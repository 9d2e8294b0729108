package dev.calyx.ipam;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A working copy of one {@link IpamBlock} that the allocator edits between reading the block and writing it back
 * with compare-and-swap. Follows Calico's block rules: allocate by popping {@code unallocated} from the head
 * (skipping reserved ordinals, which stay where they are), release by pushing to the tail, stamp the per-ordinal
 * sequence number, bump {@code sequenceNumber} once per write, and drop attributes nothing points at.
 *
 * <p>Not thread-safe: one instance per attempt, discarded on conflict.
 */
final class MutableBlock {
    private final IpamBlock original;
    private final Cidr cidr;
    private final List<Integer> allocations;
    private final List<Integer> unallocated;
    private final List<AllocationAttribute> attributes;
    private final Map<String, Long> seqForAllocation;
    private String affinity;
    private String affinityClaimTime;

    MutableBlock(IpamBlock block) {
        this.original = block;
        this.cidr = block.network();
        this.allocations = new ArrayList<>(block.allocations());
        this.unallocated = new ArrayList<>(block.unallocated());
        this.attributes = new ArrayList<>(block.attributes());
        this.seqForAllocation = new TreeMap<>(block.sequenceNumberForAllocation());
        this.affinity = block.affinity();
        this.affinityClaimTime = block.affinityClaimTime();
    }

    Cidr cidr() {
        return cidr;
    }

    /** Ordinals the next allocation would take: up to {@code n} free ones in FIFO order, none reserved. */
    List<Integer> pickFree(int n, BitSet reserved) {
        List<Integer> picked = new ArrayList<>(Math.min(n, unallocated.size()));
        for (int ord : unallocated) {
            if (picked.size() == n) {
                break;
            }
            if (!reserved.get(ord) && allocations.get(ord) == null) {
                picked.add(ord);
            }
        }
        return picked;
    }

    /** Marks {@code ordinals} (all free) as allocated to one new attribute entry. */
    void allocate(List<Integer> ordinals, String handleId, Map<String, String> attrs) {
        int attrIndex = attributes.size();
        attributes.add(AllocationAttribute.of(handleId, attrs));
        long seq = original.sequenceNumber();
        for (int ord : ordinals) {
            if (allocations.get(ord) != null) {
                throw new IllegalStateException("block " + cidr + ": ordinal " + ord + " is already allocated");
            }
            allocations.set(ord, attrIndex);
            unallocated.remove(Integer.valueOf(ord));
            seqForAllocation.put(Integer.toString(ord), seq);
        }
    }

    boolean isFree(int ordinal) {
        return allocations.get(ordinal) == null;
    }

    AllocationAttribute attributeOf(int ordinal) {
        Integer idx = allocations.get(ordinal);
        return idx == null ? null : attributes.get(idx);
    }

    long sequenceNumberOf(int ordinal) {
        return seqForAllocation.getOrDefault(Integer.toString(ordinal), 0L);
    }

    /** Frees one ordinal; returns its handle (may be null). */
    String release(int ordinal) {
        AllocationAttribute attr = attributeOf(ordinal);
        allocations.set(ordinal, null);
        seqForAllocation.remove(Integer.toString(ordinal));
        if (!unallocated.contains(ordinal)) {
            unallocated.add(ordinal);
        }
        return attr == null ? null : attr.handleId();
    }

    /** Ordinals whose attribute carries {@code handleId}. */
    List<Integer> ordinalsOf(String handleId) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            AllocationAttribute a = attributeOf(i);
            if (a != null && Objects.equals(a.handleId(), handleId)) {
                out.add(i);
            }
        }
        return out;
    }

    boolean isEmpty() {
        return allocations.stream().allMatch(Objects::isNull);
    }

    String affinity() {
        return affinity;
    }

    void setAffinity(String affinity, String claimTime) {
        this.affinity = affinity;
        this.affinityClaimTime = claimTime;
    }

    /** The block to write: unreferenced attributes dropped (indices renumbered) and the sequence number bumped. */
    IpamBlock toBlock() {
        List<AllocationAttribute> kept = new ArrayList<>();
        Map<Integer, Integer> byOld = new LinkedHashMap<>();
        List<Integer> newAllocations = new ArrayList<>(allocations.size());
        for (Integer idx : allocations) {
            if (idx == null) {
                newAllocations.add(null);
                continue;
            }
            Integer n = byOld.get(idx);
            if (n == null) {
                n = kept.size();
                kept.add(attributes.get(idx));
                byOld.put(idx, n);
            }
            newAllocations.add(n);
        }
        return new IpamBlock(cidr.toString(), affinity, affinityClaimTime, original.strictAffinity(), newAllocations,
                unallocated, kept, false, original.sequenceNumber() + 1, seqForAllocation);
    }
}
