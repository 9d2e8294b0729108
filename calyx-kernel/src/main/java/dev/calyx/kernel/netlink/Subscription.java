package dev.calyx.kernel.netlink;

/** A running event subscription; {@link #close()} stops delivery and releases its socket and thread. */
public interface Subscription extends AutoCloseable {
    /** Stops delivery; when it returns, the listener is not running and will not be called again. Idempotent. */
    @Override
    void close();
}
