package dev.calyx.ipam;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;

/**
 * One problem {@link IpamCheck} found. Fields not relevant to the kind are null. {@link #id()} identifies the same
 * problem across runs (the GC ledger keys its first-seen time by it): it includes the sequence number, so an
 * address freed and re-allocated is a new finding, not an old one that has served its grace period.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(Kind kind, String ip, String block, String handle, String node, Map<String, String> attrs,
                      Long sequenceNumber, String detail) {

    /** What is wrong; {@link #repairable} says whether {@link IpamGc} fixes it. */
    public enum Kind {
        /** An allocation whose owner (pod endpoint, tunnel node, or handle) no longer exists. */
        LEAKED_ALLOCATION(true),
        /** A block affinity of a node that has no Node resource. */
        ORPHANED_AFFINITY(true),
        /** A handle that no block allocation carries. */
        ORPHANED_HANDLE(true),
        /** A handle whose count for a block differs from the block's allocations carrying it. */
        HANDLE_COUNT_MISMATCH(true),
        /** A live allocation whose handle record is missing or does not name the block. */
        ALLOCATION_WITHOUT_HANDLE(true),
        /** One address allocated in two (overlapping) blocks. */
        DUPLICATE_ADDRESS(false),
        /** A block whose allocations / unallocated / attributes disagree, or whose affinity key disagrees. */
        BLOCK_INCONSISTENT(false);

        private final boolean repairable;

        Kind(boolean repairable) {
            this.repairable = repairable;
        }

        public boolean repairable() {
            return repairable;
        }
    }

    public Finding {
        Objects.requireNonNull(kind, "kind");
        attrs = attrs == null ? null : Map.copyOf(attrs);
    }

    public String id() {
        return kind + "|" + ip + "|" + block + "|" + handle + "|" + node + "|" + sequenceNumber;
    }

    /** One line for humans. */
    public String describe() {
        StringBuilder sb = new StringBuilder(kind.name());
        if (ip != null) {
            sb.append(' ').append(ip);
        }
        if (block != null) {
            sb.append(" block ").append(block);
        }
        if (handle != null) {
            sb.append(" handle ").append(handle);
        }
        if (node != null) {
            sb.append(" node ").append(node);
        }
        return sb.append(": ").append(detail).toString();
    }
}
