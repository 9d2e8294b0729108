package dev.calyx.ipam;

import java.util.List;

/**
 * What one {@link IpamGc} run did: addresses released, handles repaired or deleted, blocks freed, findings still
 * inside their grace period, and findings GC does not repair (reported for a human).
 */
public record GcResult(List<IpAddr> released, List<String> handlesRepaired, List<String> handlesDeleted,
                       List<String> blocksFreed, List<Finding> waiting, List<Finding> unrepairable) {
    public GcResult {
        released = List.copyOf(released);
        handlesRepaired = List.copyOf(handlesRepaired);
        handlesDeleted = List.copyOf(handlesDeleted);
        blocksFreed = List.copyOf(blocksFreed);
        waiting = List.copyOf(waiting);
        unrepairable = List.copyOf(unrepairable);
    }
}
