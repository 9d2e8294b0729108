package dev.calyx.agent.cni;

/**
 * calyx's own CNI error codes (≥ 100; 1–99 are the spec's, see {@code dev.calyx.cni.wire.CniError}).
 * Stable: runtimes and users may match on them.
 */
public final class CniErrorCodes {
    /** No free address in any usable pool. */
    public static final int IPAM_EXHAUSTED = 100;
    /** (containerID, ifname) is already attached; the first attachment is left intact. */
    public static final int ALREADY_ATTACHED = 101;
    /** The container's network namespace does not exist (ADD/CHECK). */
    public static final int NETNS_NOT_FOUND = 102;
    /** The datastore refused or timed out; retrying later may succeed. */
    public static final int DATASTORE_UNAVAILABLE = 103;

    private CniErrorCodes() {
    }
}
