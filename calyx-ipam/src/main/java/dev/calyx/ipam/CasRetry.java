package dev.calyx.ipam;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import java.util.function.Supplier;

/**
 * Bounded optimistic-concurrency loop: every IPAM write is read → edit → compare-and-swap, re-run from the read
 * when another writer got in first. Calico gives up after {@value #ATTEMPTS} conflicts ({@code datastoreRetries}).
 */
final class CasRetry {
    static final int ATTEMPTS = 100;

    private CasRetry() {}

    /** Runs {@code attempt} until it returns without a conflict; {@code what} names the operation for the error. */
    static <T> T run(String what, Supplier<T> attempt) {
        RuntimeException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (CasConflictException | KeyExistsException | KeyNotFoundException e) {
                last = e;
                if (i > 10) {
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(Math.min(50, i));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IpamException(what + ": interrupted", ie);
                    }
                }
            }
        }
        throw new IpamConflictException(what + ": lost the compare-and-swap race " + ATTEMPTS
                + " times in a row; last: " + last.getMessage(), last);
    }
}
