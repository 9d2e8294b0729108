package dev.calyx.ipam;

/** A compare-and-swap kept losing after the bounded number of retries (100, Calico's datastoreRetries). */
public class IpamConflictException extends IpamException {
    public IpamConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
