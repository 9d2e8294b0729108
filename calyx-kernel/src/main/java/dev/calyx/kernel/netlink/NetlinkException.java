package dev.calyx.kernel.netlink;

import dev.calyx.kernel.sys.Errno;

import java.util.Optional;

/**
 * A netlink request failed. The message names the operation, the object and the errno, and adds the kernel's
 * extended-ACK text when it sent one:
 * {@code add route 10.244.0.5/32 dev cali1234: File exists (EEXIST)}
 * {@code add route 10.9.0.0/16 via 10.1.0.1: Network is unreachable (ENETUNREACH); Nexthop has invalid gateway}.
 *
 * <p>The one exception type of the netlink layer; callers branch with {@link #isNotFound()} / {@link #isExists()}
 * (for idempotent delete and create) or on {@link #errno()}.
 */
public final class NetlinkException extends RuntimeException {
    private final String operation;
    private final String object;
    private final int errno;
    private final String extAck;

    public NetlinkException(String operation, String object, int errno, String extAck) {
        super(operation + " " + object + ": " + Errno.describe(errno)
                + (extAck == null || extAck.isEmpty() ? "" : "; " + extAck));
        this.operation = operation;
        this.object = object;
        this.errno = errno;
        this.extAck = extAck == null || extAck.isEmpty() ? null : extAck;
    }

    public NetlinkException(String operation, String object, int errno) {
        this(operation, object, errno, null);
    }

    /** e.g. "add route". */
    public String operation() {
        return operation;
    }

    /** e.g. "10.244.0.5/32 dev cali1234". */
    public String object() {
        return object;
    }

    public int errno() {
        return errno;
    }

    /** e.g. "EEXIST". */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** The kernel's NLMSGERR_ATTR_MSG text, when it gave one. */
    public Optional<String> extAck() {
        return Optional.ofNullable(extAck);
    }

    /**
     * The kernel's ways of saying "no such object": ENODEV (link), ESRCH (route), ENOENT (neighbour, netns),
     * EADDRNOTAVAIL (address), ENXIO.
     */
    public boolean isNotFound() {
        return errno == Errno.ENODEV || errno == Errno.ESRCH || errno == Errno.ENOENT
                || errno == Errno.EADDRNOTAVAIL || errno == Errno.ENXIO;
    }

    public boolean isExists() {
        return errno == Errno.EEXIST;
    }
}
