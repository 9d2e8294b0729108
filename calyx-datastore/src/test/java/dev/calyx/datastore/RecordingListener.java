package dev.calyx.datastore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link WatchListener} for tests: records every batch and error, and lets the test wait for them without
 * timed assertions (the waits are generous deadlines that only turn a hang into a failure).
 */
public final class RecordingListener implements WatchListener {
    private final List<WatchEvent> events = new ArrayList<>();
    private final List<List<WatchEvent>> batches = new ArrayList<>();
    private DatastoreException error;
    private String threadName;
    private volatile boolean concurrentCall;
    private final AtomicInteger inCall = new AtomicInteger();

    @Override
    public void onEvents(List<WatchEvent> batch) {
        if (inCall.incrementAndGet() > 1) {
            concurrentCall = true; // the contract says: never two calls at once
        }
        try {
            synchronized (this) {
                events.addAll(batch);
                batches.add(List.copyOf(batch));
                threadName = Thread.currentThread().getName();
                notifyAll();
            }
        } finally {
            inCall.decrementAndGet();
        }
    }

    @Override
    public synchronized void onError(DatastoreException e) {
        error = e;
        notifyAll();
    }

    public synchronized List<WatchEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<List<WatchEvent>> batches() {
        return List.copyOf(batches);
    }

    public synchronized DatastoreException error() {
        return error;
    }

    /** The thread of the last delivery. */
    public synchronized String threadName() {
        return threadName;
    }

    public boolean sawConcurrentCalls() {
        return concurrentCall;
    }

    /** Waits until at least {@code n} events arrived; fails (AssertionError) after {@code patience}. */
    public List<WatchEvent> awaitEvents(int n, Duration patience) {
        return awaitUntil(es -> es.size() >= n, patience, "at least " + n + " events");
    }

    /** Waits until some event satisfies {@code p}; returns every event up to and including that one. */
    public List<WatchEvent> awaitEvent(Predicate<WatchEvent> p, Duration patience, String what) {
        List<WatchEvent> all = awaitUntil(es -> es.stream().anyMatch(p), patience, what);
        int i = 0;
        while (!p.test(all.get(i))) {
            i++;
        }
        return all.subList(0, i + 1);
    }

    public synchronized DatastoreException awaitError(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (error == null) {
            waitUntil(deadline, "an error (events so far: " + events + ")");
        }
        return error;
    }

    private synchronized List<WatchEvent> awaitUntil(Predicate<List<WatchEvent>> done, Duration patience,
                                                     String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.test(events)) {
            if (error != null) {
                throw new AssertionError("watch ended with an error while waiting for " + what, error);
            }
            waitUntil(deadline, what + " (got " + events.size() + ": " + events + ")");
        }
        return List.copyOf(events);
    }

    private void waitUntil(long deadline, String what) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("timed out waiting for " + what);
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
