package dev.calyx.ipam;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An IPAM block as Calico stores it at {@code /calico/ipam/v2/assignment/ipv4/block/10.0.0.0-26}
 * ({@code AllocationBlock} in libcalico-go, same JSON field names).
 *
 * <pre>
 *   allocations[ordinal] = null (free) | index into attributes
 *   unallocated          = FIFO of free ordinals: allocate from the head, release to the tail
 *   sequenceNumber       = bumped on every write
 *   sequenceNumberForAllocation[ordinal] = sequenceNumber when that ordinal was allocated (ABA guard for release)
 * </pre>
 * Immutable; {@link MutableBlock} makes edited copies.
 */
public record IpamBlock(
        @JsonProperty("cidr") String cidr,
        @JsonProperty("affinity") @JsonInclude(JsonInclude.Include.ALWAYS) String affinity,
        @JsonProperty("affinityClaimTime") @JsonInclude(JsonInclude.Include.NON_NULL) String affinityClaimTime,
        @JsonProperty("strictAffinity") boolean strictAffinity,
        @JsonProperty("allocations") List<Integer> allocations,
        @JsonProperty("unallocated") List<Integer> unallocated,
        @JsonProperty("attributes") List<AllocationAttribute> attributes,
        @JsonProperty("deleted") boolean deleted,
        @JsonProperty("sequenceNumber") long sequenceNumber,
        @JsonProperty("sequenceNumberForAllocation") Map<String, Long> sequenceNumberForAllocation) {

    public IpamBlock {
        Objects.requireNonNull(cidr, "cidr");
        // allocations holds nulls (free ordinals), which List.copyOf refuses.
        allocations = Collections.unmodifiableList(new ArrayList<>(allocations == null ? List.of() : allocations));
        unallocated = List.copyOf(unallocated == null ? List.of() : unallocated);
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        sequenceNumberForAllocation = Collections.unmodifiableMap(new TreeMap<>(
                sequenceNumberForAllocation == null ? Map.of() : sequenceNumberForAllocation));
    }

    /** A fresh block, every ordinal free in order, affine to {@code affinity} (e.g. "host:node1") or null. */
    public static IpamBlock empty(Cidr cidr, String affinity, String claimTime) {
        int size = cidr.size().intValueExact();
        List<Integer> allocations = new ArrayList<>(Collections.nCopies(size, (Integer) null));
        List<Integer> free = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            free.add(i);
        }
        return new IpamBlock(cidr.toString(), affinity, claimTime, false, allocations, free, List.of(), false, 0,
                Map.of());
    }

    @JsonIgnore
    public Cidr network() {
        return Cidr.parse(cidr);
    }

    /** The node this block is affine to, or null (no affinity or a virtual one). */
    @JsonIgnore
    public String hostAffinity() {
        return affinity != null && affinity.startsWith("host:") ? affinity.substring(5) : null;
    }

    @JsonIgnore
    public int inUse() {
        return (int) allocations.stream().filter(Objects::nonNull).count();
    }

    @JsonIgnore
    public boolean isEmpty() {
        return inUse() == 0;
    }

    /** The attribute of an allocated ordinal, or null if the ordinal is free. */
    public AllocationAttribute attributeOf(int ordinal) {
        Integer idx = allocations.get(ordinal);
        return idx == null || idx >= attributes.size() ? null : attributes.get(idx);
    }

    public long sequenceNumberOf(int ordinal) {
        return sequenceNumberForAllocation.getOrDefault(Integer.toString(ordinal), 0L);
    }
}
