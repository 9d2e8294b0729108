package dev.calyx.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A node's claim on a block, at {@code /calico/ipam/v2/host/<node>/ipv4/block/<cidr>}: Calico's two-phase claim
 * writes it {@code pending}, creates the block, then marks it {@code confirmed}; release marks it
 * {@code pendingDeletion} before deleting the block.
 */
public record BlockAffinity(@JsonProperty("state") String state, @JsonProperty("deleted") boolean deleted) {
    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String PENDING_DELETION = "pendingDeletion";

    public BlockAffinity {
        Objects.requireNonNull(state, "state");
        if (!state.equals(PENDING) && !state.equals(CONFIRMED) && !state.equals(PENDING_DELETION)) {
            throw new IllegalArgumentException("block affinity state \"" + state
                    + "\": expected pending, confirmed or pendingDeletion");
        }
    }

    public static BlockAffinity of(String state) {
        return new BlockAffinity(state, false);
    }
}
