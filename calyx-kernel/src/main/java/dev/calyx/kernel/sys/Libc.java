package dev.calyx.kernel.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The libc calls the kernel layer needs, bound once through the Java FFM API.
 *
 * <p>Design: every method returns what the system call returns on success and {@code -errno} on failure, the
 * convention of the raw kernel interface. That keeps this class free of policy: callers (netlink socket, netns)
 * turn a negative result into their own exception naming the operation and the object at fault. errno is read
 * through {@link Linker.Option#captureCallState(String...)} into a per-thread segment, so no JVM activity between
 * the call and the read can clobber it.
 *
 * <p>Thread safety: all methods are safe from any thread. Note that {@link #setns} and {@link #unshare} change the
 * CALLING OS thread; only {@code dev.calyx.kernel.netns} calls them, on dedicated platform threads.
 */
public final class Libc {
    public static final int AF_NETLINK = 16;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1;
    public static final int SO_RCVBUF = 8;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVTIMEO = 20;
    public static final int MSG_PEEK = 0x2;
    public static final int MSG_TRUNC = 0x20;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_SHARED = 1 << 20;
    public static final int MNT_DETACH = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    private static final MethodHandle SOCKET = bind("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle BIND = bind("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKNAME = bind("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle SETSOCKOPT =
            bind("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle SENDTO =
            bind("sendto", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle RECVFROM =
            bind("recvfrom", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle CLOSE = bind("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SETNS = bind("setns", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle UNSHARE = bind("unshare", JAVA_INT, JAVA_INT);
    private static final MethodHandle MOUNT = bind("mount", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS);
    private static final MethodHandle UMOUNT2 = bind("umount2", JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETTID = bind("gettid", JAVA_INT);

    private Libc() {}

    private static MethodHandle bind(String name, MemoryLayout ret, MemoryLayout... args) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), FunctionDescriptor.of(ret, args),
                Linker.Option.captureCallState("errno"));
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static int result(int rc, MemorySegment state) {
        return rc < 0 ? -errno(state) : rc;
    }

    private static long result(long rc, MemorySegment state) {
        return rc < 0 ? -errno(state) : rc;
    }

    public static int socket(int domain, int type, int protocol) {
        MemorySegment st = STATE.get();
        try {
            return result((int) SOCKET.invokeExact(st, domain, type, protocol), st);
        } catch (Throwable t) {
            throw linkage("socket", t);
        }
    }

    public static int bind(int fd, MemorySegment addr) {
        MemorySegment st = STATE.get();
        try {
            return result((int) BIND.invokeExact(st, fd, addr, (int) addr.byteSize()), st);
        } catch (Throwable t) {
            throw linkage("bind", t);
        }
    }

    /** {@code lenInOut} holds one int: the capacity of {@code addr} on entry, the address length on return. */
    public static int getsockname(int fd, MemorySegment addr, MemorySegment lenInOut) {
        MemorySegment st = STATE.get();
        try {
            return result((int) GETSOCKNAME.invokeExact(st, fd, addr, lenInOut), st);
        } catch (Throwable t) {
            throw linkage("getsockname", t);
        }
    }

    public static int setsockopt(int fd, int level, int name, MemorySegment value) {
        MemorySegment st = STATE.get();
        try {
            return result((int) SETSOCKOPT.invokeExact(st, fd, level, name, value, (int) value.byteSize()), st);
        } catch (Throwable t) {
            throw linkage("setsockopt", t);
        }
    }

    public static long sendto(int fd, MemorySegment buf, long len, int flags, MemorySegment addr) {
        MemorySegment st = STATE.get();
        try {
            return result((long) SENDTO.invokeExact(st, fd, buf, len, flags, addr, (int) addr.byteSize()), st);
        } catch (Throwable t) {
            throw linkage("sendto", t);
        }
    }

    /** Receives into {@code buf} up to {@code len} bytes; the sender address is not asked for. */
    public static long recv(int fd, MemorySegment buf, long len, int flags) {
        MemorySegment st = STATE.get();
        try {
            return result((long) RECVFROM.invokeExact(st, fd, buf, len, flags, MemorySegment.NULL,
                    MemorySegment.NULL), st);
        } catch (Throwable t) {
            throw linkage("recvfrom", t);
        }
    }

    public static int close(int fd) {
        MemorySegment st = STATE.get();
        try {
            return result((int) CLOSE.invokeExact(st, fd), st);
        } catch (Throwable t) {
            throw linkage("close", t);
        }
    }

    public static int open(String path, int flags) {
        MemorySegment st = STATE.get();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) OPEN.invokeExact(st, arena.allocateFrom(path), flags, 0), st);
        } catch (Throwable t) {
            throw linkage("open", t);
        }
    }

    public static int setns(int fd, int nstype) {
        MemorySegment st = STATE.get();
        try {
            return result((int) SETNS.invokeExact(st, fd, nstype), st);
        } catch (Throwable t) {
            throw linkage("setns", t);
        }
    }

    public static int unshare(int flags) {
        MemorySegment st = STATE.get();
        try {
            return result((int) UNSHARE.invokeExact(st, flags), st);
        } catch (Throwable t) {
            throw linkage("unshare", t);
        }
    }

    /** mount(2); a null {@code source} or {@code fstype} is passed as an empty string, as iproute2 does. */
    public static int mount(String source, String target, String fstype, long flags) {
        MemorySegment st = STATE.get();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) MOUNT.invokeExact(st, arena.allocateFrom(source == null ? "" : source),
                    arena.allocateFrom(target), arena.allocateFrom(fstype == null ? "none" : fstype), flags,
                    MemorySegment.NULL), st);
        } catch (Throwable t) {
            throw linkage("mount", t);
        }
    }

    public static int umount2(String target, int flags) {
        MemorySegment st = STATE.get();
        try (Arena arena = Arena.ofConfined()) {
            return result((int) UMOUNT2.invokeExact(st, arena.allocateFrom(target), flags), st);
        } catch (Throwable t) {
            throw linkage("umount2", t);
        }
    }

    public static int gettid() {
        MemorySegment st = STATE.get();
        try {
            return result((int) GETTID.invokeExact(st), st);
        } catch (Throwable t) {
            throw linkage("gettid", t);
        }
    }

    private static IllegalStateException linkage(String function, Throwable t) {
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call " + function + " failed", t);
    }
}
