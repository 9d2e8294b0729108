package dev.calyx.agent.cni;

/**
 * What the node agent implements to serve CNI. Called by {@link CniDispatcher} after the environment,
 * config and version have been validated; each call runs on its own (virtual) thread, concurrently
 * with others, so implementations serialise shared state themselves (GC runs exclusively by spec,
 * but the agent must not rely on runtimes honouring that).
 *
 * <p>Failures: throw {@link CniException} with a spec code (7 bad config, 11 try again later, 50/51
 * not available, 3 unknown container…) or a calyx code ≥ 100; anything else becomes 999.
 * Diagnostics for the runtime go to {@code request.diagnostics()}, never to stdout.
 */
public interface CniHandler {
    /**
     * Creates the attachment and returns only what THIS plugin created: when the config carries a
     * prevResult the dispatcher chains the return value after it (interface indexes shifted).
     * Must fail if (containerId, ifName) is already attached, and undo its own partial work on failure.
     */
    CniResult add(CniRequest request);

    /** Best-effort and idempotent: missing netns, interface, prevResult or state are all success. */
    void del(CniRequest request);

    /** Verifies what ADD set up (request.conf().prevResult() is present, version ≥ 0.4.0). */
    void check(CniRequest request);

    /** Readiness to service ADD; throw code 50 (or 51) when not ready. Config version ≥ 1.1.0. */
    void status(CniRequest request);

    /**
     * Releases resources of this network's attachments not in {@code request.conf().validAttachments()}
     * (empty Optional: key absent, do nothing; empty list: nothing is valid). Continues past errors
     * and reports them at the end. Config version ≥ 1.1.0.
     */
    void gc(CniRequest request);
}
