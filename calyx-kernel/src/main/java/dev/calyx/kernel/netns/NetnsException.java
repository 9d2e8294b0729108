package dev.calyx.kernel.netns;

import dev.calyx.kernel.sys.Errno;

/**
 * A network-namespace operation failed: "create netns calyx-a1: File exists (EEXIST)". Carries the errno when the
 * failure came from a system call (0 otherwise) so callers can branch with {@link #isNotFound()}/{@link #isExists()}.
 */
public final class NetnsException extends RuntimeException {
    private final int errno;

    public NetnsException(String operation, String object, int errno) {
        super(operation + " " + object + ": " + Errno.describe(errno));
        this.errno = errno;
    }

    public NetnsException(String message, Throwable cause) {
        super(message, cause);
        this.errno = 0;
    }

    public int errno() {
        return errno;
    }

    public boolean isNotFound() {
        return errno == Errno.ENOENT;
    }

    public boolean isExists() {
        return errno == Errno.EEXIST;
    }
}
