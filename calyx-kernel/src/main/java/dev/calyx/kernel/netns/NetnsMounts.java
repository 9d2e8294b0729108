package dev.calyx.kernel.netns;

import dev.calyx.kernel.sys.Errno;
import dev.calyx.kernel.sys.Libc;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Named namespaces the iproute2 way, so {@code ip netns list} sees ours and we see its.
 *
 * <p>A named namespace is a bind mount of a thread's {@code ns/net} file onto {@code /var/run/netns/NAME}; the mount
 * keeps the namespace alive with no process in it. Like {@code ip netns add} we first make {@code /var/run/netns} a
 * shared mount point (bind-mounting it onto itself if it is not a mount point yet), so namespaces created later
 * propagate into mount namespaces that were cloned from this one (containers, {@code ip netns exec}).
 *
 * <p>Thread safety: creation is serialized within this JVM so two first calls do not both stack a bind mount on the
 * run directory; iproute2 has the same race between processes and it is harmless.
 */
final class NetnsMounts {
    private static final Object RUN_DIR_LOCK = new Object();

    private NetnsMounts() {}

    static void create(String name, Path path) {
        synchronized (RUN_DIR_LOCK) {
            prepareRunDir();
        }
        try {
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            throw new NetnsException("create netns", name, Errno.EEXIST);
        } catch (IOException e) {
            throw new NetnsException("create netns " + name + ": " + e.getMessage(), e);
        }
        try {
            NetnsThread.call("create netns", name, () -> Libc.unshare(Libc.CLONE_NEWNET), () -> {
                String source = "/proc/self/task/" + Libc.gettid() + "/ns/net";
                int rc = Libc.mount(source, path.toString(), "none", Libc.MS_BIND);
                if (rc < 0) {
                    throw new NetnsException("bind-mount netns onto", path.toString(), -rc);
                }
                return null;
            });
        } catch (RuntimeException e) {
            deleteQuietly(path);
            throw e;
        }
    }

    /** Unmounts and removes the name; false when there was no such name. */
    static boolean delete(String name, Path path) {
        if (!Files.exists(path)) {
            return false;
        }
        int rc = Libc.umount2(path.toString(), Libc.MNT_DETACH);
        if (rc < 0 && -rc != Errno.EINVAL) { // EINVAL: not a mount point, e.g. a half-created name
            throw new NetnsException("delete netns", name, -rc);
        }
        try {
            Files.delete(path);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new NetnsException("delete netns " + name + ": " + e.getMessage(), e);
        }
    }

    private static void prepareRunDir() {
        Path dir = Netns.RUN_DIR;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new NetnsException("create " + dir + ": " + e.getMessage(), e);
        }
        int rc = Libc.mount("", dir.toString(), "none", Libc.MS_SHARED | Libc.MS_REC);
        if (rc == -Errno.EINVAL) { // not a mount point yet: make it one, then shared
            rc = Libc.mount(dir.toString(), dir.toString(), "none", Libc.MS_BIND | Libc.MS_REC);
            if (rc < 0) {
                throw new NetnsException("bind-mount", dir.toString(), -rc);
            }
            rc = Libc.mount("", dir.toString(), "none", Libc.MS_SHARED | Libc.MS_REC);
        }
        if (rc < 0) {
            throw new NetnsException("make shared mount", dir.toString(), -rc);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the caller's exception says what went wrong; a stray empty file is harmless
        }
    }
}
