package dev.calyx.ipam;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.ipam.Finding.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Repairs what {@link IpamCheck} finds, once a finding has persisted for the grace period (default 15 minutes,
 * Calico's {@code leakGracePeriod}): releases leaked allocations, recounts handles, frees empty blocks (and their
 * affinities) of deleted nodes. Duplicate addresses and corrupt blocks are only reported.
 *
 * <h2>Design</h2>
 * Each run: check → keep first-seen times in the {@link GcLedger} → act on findings older than the grace period.
 * Every action re-validates against a fresh read: leaked addresses are released with their handle and sequence
 * number (an address re-allocated since the check is left alone), handles are recounted from blocks under CAS,
 * a block is deleted only if it is still empty at its observed revision.
 *
 * <p>Scope: {@link #runForNode} (the node agent: allocations, handles and blocks of its node) or
 * {@link #runClusterWide} (the controller: everything, plus deleted nodes' affinities and blocks).
 *
 * <p>Thread safety: run one GC per scope at a time; concurrent allocators are safe (CAS everywhere).
 */
public final class IpamGc {
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);

    private final IpamClient ipam;
    private final IpamStore store;
    private final InstantSource clock;
    private final Duration grace;

    public IpamGc(IpamClient ipam, InstantSource clock, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("GC grace period " + grace + ": must not be negative");
        }
        this.ipam = ipam;
        this.store = ipam.store();
        this.clock = clock;
        this.grace = grace;
    }

    public GcResult runForNode(String node) {
        AssignRequest.requireName("node", node);
        return run("node-" + node, f -> node.equals(f.node()) && f.kind() != Kind.ORPHANED_AFFINITY);
    }

    public GcResult runClusterWide() {
        return run("cluster", f -> true);
    }

    private GcResult run(String scope, Predicate<Finding> inScope) {
        IpamReport report = new IpamCheck(store, clock).run();
        List<Finding> scoped = report.findings().stream().filter(inScope).toList();
        GcLedger ledger = new GcLedger(store.kv(), scope);
        Map<String, Instant> known = ledger.read();
        Map<String, Instant> firstSeen = new HashMap<>();
        Instant now = clock.instant();
        scoped.forEach(f -> firstSeen.put(f.id(), known.getOrDefault(f.id(), now)));
        ledger.write(firstSeen);

        List<Finding> due = new ArrayList<>();
        List<Finding> waiting = new ArrayList<>();
        List<Finding> unrepairable = new ArrayList<>();
        for (Finding f : scoped) {
            if (!f.kind().repairable()) {
                unrepairable.add(f);
            } else if (!firstSeen.get(f.id()).plus(grace).isAfter(now)) {
                due.add(f);
            } else {
                waiting.add(f);
            }
        }
        return act(due, waiting, unrepairable);
    }

    private GcResult act(List<Finding> due, List<Finding> waiting, List<Finding> unrepairable) {
        List<ReleaseOptions> leaks = due.stream().filter(f -> f.kind() == Kind.LEAKED_ALLOCATION)
                .map(f -> new ReleaseOptions(IpAddr.parse(f.ip()), f.handle(), f.sequenceNumber())).toList();
        List<IpAddr> released = leaks.isEmpty() ? List.of() : ipam.release(leaks).released();

        Set<String> recount = new LinkedHashSet<>();
        due.stream().filter(f -> f.kind() == Kind.HANDLE_COUNT_MISMATCH || f.kind() == Kind.ORPHANED_HANDLE
                || f.kind() == Kind.ALLOCATION_WITHOUT_HANDLE).map(Finding::handle)
                .filter(java.util.Objects::nonNull).forEach(recount::add);
        List<String> repaired = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String h : recount) {
            (recountHandle(h) ? repaired : deleted).add(h);
        }
        List<String> freed = new ArrayList<>();
        for (Finding f : due) {
            if (f.kind() == Kind.ORPHANED_AFFINITY && freeBlockOfGoneNode(f.node(), Cidr.parse(f.block()))) {
                freed.add(f.block());
            }
        }
        return new GcResult(released, repaired, deleted, freed, waiting, unrepairable);
    }

    /** Rewrites the handle from what the blocks hold; true if it still exists afterwards, false if deleted. */
    private boolean recountHandle(String handleId) {
        return CasRetry.run("recount handle " + handleId, () -> {
            Optional<Versioned<IpamHandle>> h = store.handle(handleId);
            Map<String, Integer> counts = new java.util.TreeMap<>();
            for (Versioned<IpamBlock> b : store.allBlocks()) {
                int n = new MutableBlock(b.value()).ordinalsOf(handleId).size();
                if (n > 0) {
                    counts.put(b.value().cidr(), n);
                }
            }
            if (counts.isEmpty()) {
                h.ifPresent(v -> store.deleteHandle(handleId, v.modRevision()));
                return false;
            }
            IpamHandle next = new IpamHandle(counts, false);
            if (h.isEmpty()) {
                store.createHandle(handleId, next);
            } else if (!h.get().value().block().equals(next.block())) {
                store.updateHandle(handleId, next, h.get().modRevision());
            }
            return true;
        });
    }

    /** Deletes an empty block of a deleted node, then its affinity (Calico's pendingDeletion order). */
    private boolean freeBlockOfGoneNode(String node, Cidr cidr) {
        Optional<Versioned<BlockAffinity>> a = store.affinity(node, cidr);
        if (a.isEmpty()) {
            return false;
        }
        Optional<Versioned<IpamBlock>> b = store.block(cidr);
        try {
            if (b.isPresent()) {
                if (!b.get().value().isEmpty() || !node.equals(b.get().value().hostAffinity())) {
                    return false;
                }
                store.updateAffinity(node, cidr, BlockAffinity.of(BlockAffinity.PENDING_DELETION),
                        a.get().modRevision());
                store.deleteBlock(cidr, b.get().modRevision());
            }
            store.deleteAffinity(node, cidr, 0);
            return true;
        } catch (CasConflictException | KeyNotFoundException e) {
            return false; // changed under us: the next run looks again
        }
    }
}
