package dev.calyx.kernel.netns;

import dev.calyx.kernel.sys.Libc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * An open handle on a network namespace (a file descriptor on its nsfs file), plus the iproute2-compatible named
 * namespace operations: {@link #create}, {@link #delete}, {@link #open}, {@link #list}.
 *
 * <p>Model: a namespace is reached through a path, either a name under {@code /var/run/netns} (what {@code ip netns}
 * manages) or any nsfs path such as {@code /proc/PID/ns/net} (what a container runtime hands a CNI plugin). Holding
 * the descriptor keeps the namespace reachable even if the name is removed meanwhile.
 *
 * <p>Code runs inside a namespace through {@link #run(Callable)}, on a fresh platform thread (see
 * {@link NetnsThread}); the calling thread never changes namespace. To talk netlink inside a namespace from any
 * thread, open a socket there once ({@code FfmRtNetlink.openIn(netns)}) instead of running every call in here.
 *
 * <p>Thread safety: instances are immutable apart from {@link #close()}; {@code run} may be called concurrently.
 */
public final class Netns implements AutoCloseable {
    /** Where iproute2 keeps named namespaces (NETNS_RUN_DIR). */
    public static final Path RUN_DIR = Path.of("/var/run/netns");

    private final String name;
    private final Path path;
    private final int fd;
    private volatile boolean closed;

    private Netns(String name, Path path, int fd) {
        this.name = name;
        this.path = path;
        this.fd = fd;
    }

    /** Creates the named namespace (like {@code ip netns add NAME}) and opens it. EEXIST if the name is taken. */
    public static Netns create(String name) {
        Path path = pathOf(name);
        NetnsMounts.create(name, path);
        return open(name);
    }

    /** Removes the name (like {@code ip netns delete NAME}); false when it did not exist. Open handles stay valid. */
    public static boolean delete(String name) {
        return NetnsMounts.delete(name, pathOf(name));
    }

    /** Opens the named namespace; ENOENT ({@link NetnsException#isNotFound()}) when there is none. */
    public static Netns open(String name) {
        return openAt(name, pathOf(name));
    }

    /** Opens a namespace by nsfs path, e.g. {@code /proc/1234/ns/net} or {@code /var/run/netns/foo}. */
    public static Netns openPath(Path path) {
        Path file = path.getFileName();
        return openAt(file == null ? path.toString() : file.toString(), path);
    }

    /**
     * A handle on the CALLING thread's namespace (named "current"; its path is per-thread, use the handle, not the
     * path). On a virtual thread that is its carrier's namespace, normally the host's.
     */
    public static Netns current() {
        return openAt("current", Path.of("/proc/thread-self/ns/net"));
    }

    /** Whether a named namespace exists under {@link #RUN_DIR}. */
    public static boolean exists(String name) {
        return Files.exists(pathOf(name));
    }

    /** The names under {@link #RUN_DIR}, sorted; empty when the directory does not exist. */
    public static List<String> list() {
        if (!Files.isDirectory(RUN_DIR)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(RUN_DIR)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new NetnsException("list " + RUN_DIR + ": " + e.getMessage(), e);
        }
    }

    private static Netns openAt(String name, Path path) {
        int fd = Libc.open(path.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (fd < 0) {
            throw new NetnsException("open netns", name, -fd);
        }
        return new Netns(name, path, fd);
    }

    private static Path pathOf(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.contains("/")
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("invalid netns name '" + name + "': 1-255 characters, no '/'");
        }
        return RUN_DIR.resolve(name);
    }

    /**
     * Runs {@code task} inside this namespace on a dedicated platform thread and returns its result. Unchecked
     * exceptions of the task are rethrown as they are; checked ones arrive wrapped in a {@link NetnsException}.
     */
    public <T> T run(Callable<T> task) {
        ensureOpen();
        return NetnsThread.call("enter netns", name, () -> Libc.setns(fd, Libc.CLONE_NEWNET), task);
    }

    /** Runs {@code task} inside this namespace on a dedicated platform thread. */
    public void run(Runnable task) {
        run(() -> {
            task.run();
            return null;
        });
    }

    /**
     * A second, independent handle on the same namespace (through {@code /proc/self/fd/N}), for owners that must
     * outlive the caller's handle.
     */
    public Netns duplicate() {
        int copy = Libc.open("/proc/self/fd/" + fd(), Libc.O_RDONLY | Libc.O_CLOEXEC);
        if (copy < 0) {
            throw new NetnsException("duplicate handle of netns", name, -copy);
        }
        return new Netns(name, path, copy);
    }

    /** The name (for a path-opened namespace, the path's last element). */
    public String name() {
        return name;
    }

    public Path path() {
        return path;
    }

    /** The open descriptor, for IFLA_NET_NS_FD and setns; valid until {@link #close()}. */
    public int fd() {
        ensureOpen();
        return fd;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("netns " + name + " handle is closed");
        }
    }

    /** Closes the descriptor; the namespace itself lives on while its name or another handle refers to it. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    @Override
    public String toString() {
        return "netns " + name;
    }
}
