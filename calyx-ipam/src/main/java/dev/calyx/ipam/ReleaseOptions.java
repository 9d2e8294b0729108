package dev.calyx.ipam;

import java.util.Objects;

/**
 * Release one address, optionally only if it still belongs to {@code handleId} and was allocated at
 * {@code sequenceNumber} (Calico's ABA guard: GC must not free an address re-allocated since it looked).
 */
public record ReleaseOptions(IpAddr ip, String handleId, Long sequenceNumber) {
    public ReleaseOptions {
        Objects.requireNonNull(ip, "ip");
    }

    public static ReleaseOptions of(IpAddr ip) {
        return new ReleaseOptions(ip, null, null);
    }
}
