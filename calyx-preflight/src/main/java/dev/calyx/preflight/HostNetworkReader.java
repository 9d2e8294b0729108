package dev.calyx.preflight;

/**
 * Reads a {@link HostNetwork} snapshot, read-only. {@link NetlinkHostNetworkReader} (rtnetlink over FFM) is what the
 * checks use; {@link IpJsonHostNetworkReader} asks iproute2 and serves as a cross-check in tests.
 */
public interface HostNetworkReader {
    HostNetwork read();

    /** The reader for a preflight run: the host's namespace, or {@link PreflightContext#hostNetns()} when set. */
    static HostNetworkReader forContext(PreflightContext ctx) {
        return new NetlinkHostNetworkReader(ctx.hostNetns());
    }
}
