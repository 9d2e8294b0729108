package dev.calyx.agent.pod;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises CNI requests per attachment (containerID/ifname) with a fixed set of striped locks: bounded memory
 * however many containers come and go, and two different attachments share a stripe only rarely (then one merely
 * waits for the other). Fair, so requests for one attachment run in arrival order.
 */
final class AttachmentLocks {
    private static final int STRIPES = 256;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    AttachmentLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    <T> T with(String attachment, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(attachment.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
