package dev.calyx.lab;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Upstream's settling rule: re-probe every {@code interval} until the observed matrix matches the expectation or
 * {@code timeout} has passed, then report the last observation. Policy programming is asynchronous, so a matrix
 * taken right after a change may be stale.
 */
public record Convergence(Duration interval, Duration timeout) {
    public static final Convergence UPSTREAM = new Convergence(Duration.ofSeconds(1), Duration.ofSeconds(10));

    public Convergence {
        if (interval.isNegative() || timeout.isNegative()) {
            throw new IllegalArgumentException("convergence interval " + interval + " / timeout " + timeout
                    + " must not be negative");
        }
    }

    /** The first observation that matches {@code expected}, or the last one when none did in time. */
    public Matrix await(Supplier<Matrix> observe, Matrix expected, boolean ignoreLoopback) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long started = System.nanoTime();
            Matrix observed = observe.get();
            if (expected.diff(observed, ignoreLoopback).isEmpty()) {
                return observed;
            }
            long next = started + interval.toNanos();
            if (next > deadline) {
                return observed;
            }
            sleepUntil(next);
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabException("convergence wait interrupted", e);
            }
        }
    }
}
