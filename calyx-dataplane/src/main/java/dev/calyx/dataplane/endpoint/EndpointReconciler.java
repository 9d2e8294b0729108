package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.RtNetlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Garbage collection of workload veths when the agent (re)starts: given the endpoints that should exist on this
 * node, deletes every host veth named like a workload's ({@link VethNames#WORKLOAD_PREFIX}, kind veth) that no desired
 * endpoint claims, with calyx's routes through it; live ones are left exactly as they are (no flush, no re-wire:
 * their traffic never stops across a restart).
 *
 * <p>Felix's contract applies: call it only once the datastore is in sync, otherwise a pod not yet seen would lose
 * its interface. Only the host veth is touched: deleting it takes its container end with it.
 *
 * <p>Thread safety: none; called from the agent's event loop.
 */
public final class EndpointReconciler {
    private final RtNetlink host;

    public EndpointReconciler(RtNetlink host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /** What one pass did; {@code failed} names each veth the kernel refused to delete and why. */
    public record Result(List<String> removed, List<String> kept, List<String> failed) {
        public Result {
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
            failed = List.copyOf(failed);
        }
    }

    /** Removes workload veths not in {@code desiredHostVeths}; see the class comment. */
    public Result reconcile(Set<String> desiredHostVeths) {
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Link link : host.links()) {
            if (!isWorkloadVeth(link)) {
                continue;
            }
            if (desiredHostVeths.contains(link.name())) {
                kept.add(link.name());
                continue;
            }
            try {
                HostVeths.delete(host, link.name());
                removed.add(link.name());
            } catch (RuntimeException e) {
                failed.add(link.name() + ": " + e.getMessage());
            }
        }
        return new Result(removed, kept, failed);
    }

    private static boolean isWorkloadVeth(Link link) {
        return VethNames.isWorkloadVeth(link.name()) && link.kind().equals("veth");
    }
}
