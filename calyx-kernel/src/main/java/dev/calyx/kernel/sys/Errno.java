package dev.calyx.kernel.sys;

import java.util.Map;

/**
 * Linux errno numbers with their symbolic names and the glibc {@code strerror} texts, so error messages read the way
 * {@code ip} prints them ("File exists (EEXIST)") and tests can grep for the kernel's name.
 *
 * <p>The numbers are the x86-64/aarch64 generic values; only the ones netlink, netns and sysctl can return are listed.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int ENXIO = 6;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ERANGE = 34;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int EADDRNOTAVAIL = 99;
    public static final int ENETDOWN = 100;
    public static final int ENETUNREACH = 101;
    public static final int ENOBUFS = 105;

    private record Entry(String name, String text) {}

    private static final Map<Integer, Entry> TABLE = Map.ofEntries(
            Map.entry(1, new Entry("EPERM", "Operation not permitted")),
            Map.entry(2, new Entry("ENOENT", "No such file or directory")),
            Map.entry(3, new Entry("ESRCH", "No such process")),
            Map.entry(4, new Entry("EINTR", "Interrupted system call")),
            Map.entry(5, new Entry("EIO", "Input/output error")),
            Map.entry(6, new Entry("ENXIO", "No such device or address")),
            Map.entry(7, new Entry("E2BIG", "Argument list too long")),
            Map.entry(9, new Entry("EBADF", "Bad file descriptor")),
            Map.entry(11, new Entry("EAGAIN", "Resource temporarily unavailable")),
            Map.entry(12, new Entry("ENOMEM", "Cannot allocate memory")),
            Map.entry(13, new Entry("EACCES", "Permission denied")),
            Map.entry(14, new Entry("EFAULT", "Bad address")),
            Map.entry(16, new Entry("EBUSY", "Device or resource busy")),
            Map.entry(17, new Entry("EEXIST", "File exists")),
            Map.entry(18, new Entry("EXDEV", "Invalid cross-device link")),
            Map.entry(19, new Entry("ENODEV", "No such device")),
            Map.entry(20, new Entry("ENOTDIR", "Not a directory")),
            Map.entry(21, new Entry("EISDIR", "Is a directory")),
            Map.entry(22, new Entry("EINVAL", "Invalid argument")),
            Map.entry(23, new Entry("ENFILE", "Too many open files in system")),
            Map.entry(24, new Entry("EMFILE", "Too many open files")),
            Map.entry(28, new Entry("ENOSPC", "No space left on device")),
            Map.entry(30, new Entry("EROFS", "Read-only file system")),
            Map.entry(34, new Entry("ERANGE", "Numerical result out of range")),
            Map.entry(36, new Entry("ENAMETOOLONG", "File name too long")),
            Map.entry(38, new Entry("ENOSYS", "Function not implemented")),
            Map.entry(39, new Entry("ENOTEMPTY", "Directory not empty")),
            Map.entry(40, new Entry("ELOOP", "Too many levels of symbolic links")),
            Map.entry(61, new Entry("ENODATA", "No data available")),
            Map.entry(71, new Entry("EPROTO", "Protocol error")),
            Map.entry(75, new Entry("EOVERFLOW", "Value too large for defined data type")),
            Map.entry(88, new Entry("ENOTSOCK", "Socket operation on non-socket")),
            Map.entry(90, new Entry("EMSGSIZE", "Message too long")),
            Map.entry(92, new Entry("ENOPROTOOPT", "Protocol not available")),
            Map.entry(93, new Entry("EPROTONOSUPPORT", "Protocol not supported")),
            Map.entry(95, new Entry("EOPNOTSUPP", "Operation not supported")),
            Map.entry(97, new Entry("EAFNOSUPPORT", "Address family not supported by protocol")),
            Map.entry(98, new Entry("EADDRINUSE", "Address already in use")),
            Map.entry(99, new Entry("EADDRNOTAVAIL", "Cannot assign requested address")),
            Map.entry(100, new Entry("ENETDOWN", "Network is down")),
            Map.entry(101, new Entry("ENETUNREACH", "Network is unreachable")),
            Map.entry(105, new Entry("ENOBUFS", "No buffer space available")),
            Map.entry(110, new Entry("ETIMEDOUT", "Connection timed out")),
            Map.entry(113, new Entry("EHOSTUNREACH", "No route to host")),
            Map.entry(114, new Entry("EALREADY", "Operation already in progress")),
            Map.entry(116, new Entry("ESTALE", "Stale file handle")));

    private Errno() {}

    /** The symbolic name, e.g. {@code EEXIST}; {@code errno 200} style for numbers not in the table. */
    public static String name(int errno) {
        Entry e = TABLE.get(errno);
        return e == null ? "errno " + errno : e.name();
    }

    /** The strerror text, e.g. {@code File exists}. */
    public static String text(int errno) {
        Entry e = TABLE.get(errno);
        return e == null ? "Unknown error " + errno : e.text();
    }

    /** "File exists (EEXIST)": the form every calyx kernel error message ends with. */
    public static String describe(int errno) {
        return text(errno) + " (" + name(errno) + ")";
    }
}
