package dev.calyx.dataplane.policy;

import java.util.Objects;

/** One IP pool as NAT outgoing needs it: its CIDR and whether traffic from it leaving all pools is masqueraded. */
public record NatPool(String cidr, boolean natOutgoing) {
    public NatPool {
        Objects.requireNonNull(cidr, "pool cidr");
    }
}
