package dev.calyx.agent.loop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The agent's one event loop: a single platform thread that owns the dataplane (ARCHITECTURE §2).
 *
 * <p>Design: CNI requests arrive on virtual threads; they hand their kernel work here with {@link #call} and wait for
 * it, so no two pieces of dataplane work ever run at once and no dataplane manager needs a lock. The thread is a
 * platform thread because namespace work (setns) pins the OS thread; the dataplane calls themselves switch namespaces
 * only on their own dedicated threads and come back, so the loop thread always stays in the node's namespace.
 *
 * <p>Thread safety: {@link #call} and {@link #submit} may be called from any thread; the work runs on the loop.
 */
public final class DataplaneLoop implements AutoCloseable {
    private final ExecutorService executor;
    private volatile Thread loopThread;

    public DataplaneLoop() {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = Thread.ofPlatform().name("calyx-dataplane").daemon().unstarted(r);
            loopThread = t;
            return t;
        });
    }

    /** Queues {@code work} on the loop. */
    public <T> CompletableFuture<T> submit(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    /** Runs {@code work} on the loop and waits; its exception is rethrown as thrown. */
    public <T> T call(Supplier<T> work) {
        if (Thread.currentThread() == loopThread) {
            return work.get();
        }
        try {
            return submit(work).get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the dataplane loop", e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException c && c.getCause() != null) {
            return unwrap(c.getCause());
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("dataplane work failed: " + cause, cause);
    }

    /** Finishes queued work (bounded wait), then stops the thread. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
