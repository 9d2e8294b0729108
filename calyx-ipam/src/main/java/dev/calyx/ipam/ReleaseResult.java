package dev.calyx.ipam;

import java.util.List;

/**
 * What a release did: freed addresses, addresses that were not allocated (release is idempotent), and addresses
 * left alone because their handle or sequence number no longer matched, each with the reason.
 */
public record ReleaseResult(List<IpAddr> released, List<IpAddr> notAllocated, List<String> skipped) {
    public ReleaseResult {
        released = List.copyOf(released);
        notAllocated = List.copyOf(notAllocated);
        skipped = List.copyOf(skipped);
    }
}
