package dev.calyx.kernel.netns;

import dev.calyx.kernel.sys.Libc;

import java.util.concurrent.Callable;

/**
 * Runs a task on a fresh PLATFORM thread switched into a network namespace.
 *
 * <p>Why a fresh platform thread per task: setns(2) changes the calling OS thread only. A virtual thread could be
 * unmounted mid-task and leave its carrier (shared by unrelated virtual threads) inside a pod's namespace, and a
 * pooled thread that failed to switch back would silently run later work in the wrong namespace. A thread created
 * for one task, which enters the namespace, runs the task, tries to restore the original namespace and then
 * TERMINATES, cannot leak a namespace to anyone: even when restoring fails, the thread dies with it. Creating a
 * platform thread costs tens of microseconds, negligible next to the kernel work done inside.
 *
 * <p>The caller blocks until the task ends; its result or exception is handed back to the caller's thread.
 */
final class NetnsThread {
    private NetnsThread() {}

    /** A step run on the new thread before the task, inside the same thread (setns or unshare). */
    @FunctionalInterface
    interface Entry {
        /** Returns 0 or {@code -errno}. */
        int enter();
    }

    /**
     * Runs {@code task} after {@code entry} on a new platform thread; a failing entry becomes
     * "{@code operation object}: errno text".
     */
    static <T> T call(String operation, String object, Entry entry, Callable<T> task) {
        Outcome<T> outcome = new Outcome<>();
        Thread thread = Thread.ofPlatform().name("calyx-netns-" + object).daemon(true)
                .unstarted(() -> runInside(operation, object, entry, task, outcome));
        thread.start();
        joinUninterruptibly(thread);
        return outcome.get();
    }

    private static <T> void runInside(String operation, String object, Entry entry, Callable<T> task,
                                      Outcome<T> out) {
        int original = Libc.open("/proc/thread-self/ns/net", Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (original < 0) {
            out.failure = new NetnsException("open", "/proc/thread-self/ns/net", -original);
            return;
        }
        try {
            int rc = entry.enter();
            if (rc < 0) {
                out.failure = new NetnsException(operation, object, -rc);
                return;
            }
            out.value = task.call();
        } catch (Throwable t) {
            out.failure = t;
        } finally {
            // Best effort: if this fails the thread still terminates right after, so nothing runs in the wrong netns.
            Libc.setns(original, Libc.CLONE_NEWNET);
            Libc.close(original);
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Outcome<T> {
        T value;
        Throwable failure;

        T get() {
            if (failure == null) {
                return value;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new NetnsException("task in network namespace failed: " + failure, failure);
        }
    }
}
