package dev.calyx.agent;

import dev.calyx.datastore.DatastoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one node agent runs ({@code calyx node run} flags).
 *
 * @param nodeName    this node's name in the datastore (Node resource, WorkloadEndpoint prefix, block affinity)
 * @param datastore   where resources and IPAM live
 * @param cniSocket   the Unix socket the shim talks to
 * @param delQueue    where the shim queues DELs while the agent is down; replayed at start
 * @param hostNetns   the namespace all host-side kernel work happens in; empty = the agent's own
 * @param bind        address health and metrics listen on
 * @param healthPort  /liveness and /readiness (0 = any free port)
 * @param metricsPort Prometheus /metrics (0 = any free port, -1 = off)
 * @param defaultPool the CIDR of the pool created when the datastore has none; empty = 10.244.0.0/16 or the next free
 * @param preflight   whether to run the preflight checks at start
 * @param policy      the policy dataplane: nft table in the host netns, ADD waits for the pod's policy
 */
public record AgentConfig(String nodeName, DatastoreConfig datastore, Path cniSocket, Path delQueue,
                          Optional<Path> hostNetns, String bind, int healthPort, int metricsPort,
                          Optional<String> defaultPool, boolean preflight, Policy policy) {
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/calyx/cni.sock");
    public static final Path DEFAULT_DEL_QUEUE = Path.of("/var/lib/calyx/cni-queue");
    public static final int DEFAULT_HEALTH_PORT = 9099;
    public static final int DEFAULT_METRICS_PORT = 9091;

    public AgentConfig {
        if (nodeName == null || nodeName.isBlank() || nodeName.contains("/")) {
            throw new IllegalArgumentException("node name \"" + nodeName + "\": must be non-empty without '/'");
        }
        Objects.requireNonNull(datastore, "datastore");
        Objects.requireNonNull(cniSocket, "cniSocket");
        Objects.requireNonNull(delQueue, "delQueue");
        Objects.requireNonNull(hostNetns, "hostNetns");
        Objects.requireNonNull(defaultPool, "defaultPool");
        Objects.requireNonNull(policy, "policy");
        if (healthPort < 0 || healthPort > 65535 || metricsPort < -1 || metricsPort > 65535) {
            throw new IllegalArgumentException("ports: health " + healthPort + ", metrics " + metricsPort
                    + " out of range");
        }
    }

    /** The pre-policy shape: policy enforced with the defaults. */
    public AgentConfig(String nodeName, DatastoreConfig datastore, Path cniSocket, Path delQueue,
                       Optional<Path> hostNetns, String bind, int healthPort, int metricsPort,
                       Optional<String> defaultPool, boolean preflight) {
        this(nodeName, datastore, cniSocket, delQueue, hostNetns, bind, healthPort, metricsPort, defaultPool,
                preflight, Policy.DEFAULT);
    }

    public AgentConfig withPolicy(Policy p) {
        return new AgentConfig(nodeName, datastore, cniSocket, delQueue, hostNetns, bind, healthPort, metricsPort,
                defaultPool, preflight, p);
    }

    /**
     * @param enabled       whether the agent programs policy at all (off: no nft table, ADD does not wait)
     * @param resync        how often the nft table is listed and repaired
     * @param addTimeout    how long CNI ADD waits for the pod's policy before failing (and rolling back)
     */
    public record Policy(boolean enabled, Duration resync, Duration addTimeout) {
        public static final Policy DEFAULT = new Policy(true, Duration.ofSeconds(30), Duration.ofSeconds(10));
        public static final Policy OFF = new Policy(false, Duration.ofSeconds(30), Duration.ofSeconds(10));

        public Policy {
            if (resync.isNegative() || resync.isZero() || addTimeout.isNegative() || addTimeout.isZero()) {
                throw new IllegalArgumentException("policy resync " + resync + " / ADD timeout " + addTimeout
                        + ": must be positive");
            }
        }
    }
}
