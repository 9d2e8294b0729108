package dev.calyx.cni.shim;

import java.nio.file.Path;

/**
 * Where the shim finds the agent and its DEL queue. Runtimes exec plugins with a minimal environment,
 * so these come from system properties baked into the wrapper at install time, not from env vars.
 *
 * @param socket   the agent's CNI socket (property {@value #SOCKET_PROPERTY})
 * @param delQueue the directory for DELs queued while the agent is down (property {@value #QUEUE_PROPERTY})
 */
public record ShimConfig(Path socket, Path delQueue) {
    public static final String SOCKET_PROPERTY = "calyx.cni.socket";
    public static final String QUEUE_PROPERTY = "calyx.cni.queue";
    public static final String DEFAULT_SOCKET = "/var/run/calyx/cni.sock";
    public static final String DEFAULT_QUEUE = "/var/lib/calyx/cni-queue";

    public ShimConfig {
        if (socket == null || delQueue == null) {
            throw new IllegalArgumentException("shim config: socket and delQueue paths are required");
        }
    }

    public static ShimConfig fromSystemProperties() {
        return new ShimConfig(Path.of(System.getProperty(SOCKET_PROPERTY, DEFAULT_SOCKET)),
                Path.of(System.getProperty(QUEUE_PROPERTY, DEFAULT_QUEUE)));
    }
}
