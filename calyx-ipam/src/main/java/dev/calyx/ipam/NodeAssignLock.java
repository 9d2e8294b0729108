package dev.calyx.ipam;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises assignments for one node within this JVM: the in-process counterpart of the host-wide flock Calico's
 * CNI takes on {@code /var/run/calico/ipam.lock} before AutoAssign. Without it, two concurrent assignments on a
 * node that both find its blocks full each claim a new block, and the node ends up holding more blocks than it
 * needs (which counts against maxBlocksPerHost). Correctness never depends on it: CAS alone keeps addresses unique.
 *
 * <p>Thread safety: JVM-wide by design (static), because several {@link IpamClient}s may serve the same node.
 */
final class NodeAssignLock {
    private static final ConcurrentHashMap<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private NodeAssignLock() {}

    static <T> T with(String node, Supplier<T> work) {
        ReentrantLock lock = LOCKS.computeIfAbsent(node, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
