package dev.calyx.kernel.nft;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One platform thread that runs every task given to it, inside a chosen network namespace.
 *
 * <p>Why: a network namespace belongs to an OS thread ({@code setns(2)} moves only the calling thread), and
 * netlink sockets stay in the namespace where they were opened. A virtual thread can hop carrier threads between
 * two calls, so it could never be trusted to be "in" a namespace; a dedicated platform thread can. The thread
 * enters the namespace once, before the first task, and returns to its original namespace in {@link #close()}.
 *
 * <p>Thread safety: {@link #call} may be used from any thread; tasks run one at a time, in order.
 */
@SuppressWarnings("restricted") // FFM downcalls are the point of this class; native access is granted in the jar manifest
final class NetnsPinnedThread implements AutoCloseable {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    private final ExecutorService executor;
    private final Optional<Path> netns;
    private int originalFd = -1;

    NetnsPinnedThread(String name, Optional<Path> netns) {
        this.netns = netns;
        this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
        if (netns.isPresent()) {
            try {
                enter(netns.get());
            } catch (RuntimeException e) {
                executor.shutdown();
                throw e;
            }
        }
    }

    private void enter(Path target) {
            call(() -> {
                originalFd = Libc.open(Path.of("/proc/thread-self/ns/net"));
                int fd = Libc.open(target);
                try {
                    Libc.setns(fd, "enter netns " + target);
                } finally {
                    Libc.close(fd);
                }
                return null;
            });
    }

    /** Runs {@code task} on the pinned thread and returns its result; its unchecked exceptions pass through. */
    <T> T call(Task<T> task) {
        if (executor.isShutdown()) {
            throw new NftException("nft backend" + netns.map(ns -> " for netns " + ns).orElse("") + " is closed");
        }
        Future<T> f = executor.submit(() -> {
            try {
                return task.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new NftException("nft thread task failed: " + t, t);
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NftException("interrupted waiting for the nft thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new NftException("nft thread task failed: " + e.getCause(), e.getCause());
        }
    }

    /** Work for the pinned thread; FFM downcalls declare Throwable. */
    @FunctionalInterface
    interface Task<T> {
        T run() throws Throwable;
    }

    @Override
    public void close() {
        if (netns.isPresent() && !executor.isShutdown()) {
            call(() -> {
                Libc.setns(originalFd, "return from netns " + netns.get());
                Libc.close(originalFd);
                return null;
            });
        }
        executor.shutdown();
    }

    /** The three libc calls needed, with errno captured so failures say why. */
    private static final class Libc {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO = CALL_STATE.varHandle(
                java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        private static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        private static final MethodHandle SETNS = downcall("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

        static int open(Path path) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(CALL_STATE);
                int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path.toString()), O_RDONLY | O_CLOEXEC);
                if (fd < 0) {
                    throw new NftException("open " + path + ": errno " + (int) ERRNO.get(state, 0L));
                }
                return fd;
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        static void setns(int fd, String what) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = arena.allocate(CALL_STATE);
                if ((int) SETNS.invokeExact(state, fd, CLONE_NEWNET) != 0) {
                    throw new NftException(what + ": setns errno " + (int) ERRNO.get(state, 0L));
                }
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        static void close(int fd) {
            try (Arena arena = Arena.ofConfined()) {
                int ignored = (int) CLOSE.invokeExact(arena.allocate(CALL_STATE), fd);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }

        private static MethodHandle downcall(String name, FunctionDescriptor fd) {
            return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), fd,
                    Linker.Option.captureCallState("errno"));
        }

        private static RuntimeException rethrow(Throwable t) {
            return t instanceof RuntimeException re ? re : new NftException("libc call failed: " + t, t);
        }
    }
}
