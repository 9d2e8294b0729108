package dev.calyx.cli.node;

import ch.qos.logback.classic.Level;
import dev.calyx.agent.AgentConfig;
import dev.calyx.agent.NodeAgent;
import dev.calyx.cli.DatastoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code calyx node run}: the node agent in the foreground until SIGTERM or SIGINT, logging to stderr.
 *
 * <p>Signals are taken over (instead of JVM shutdown hooks) so a requested stop is a clean one: the agent stops
 * accepting, finishes in-flight CNI requests, removes its socket, and the command exits 0. Pods stay wired.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the calyx node agent in the foreground (until SIGTERM/SIGINT).",
            "Readiness: GET http://127.0.0.1:<health-port>/readiness answers 200 once CNI is served."})
public final class NodeRunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatastoreOptions datastore;

    @Option(names = "--node-name", paramLabel = "NAME", description = "This node's name (default: the hostname).")
    String nodeName;

    @Option(names = "--cni-socket", paramLabel = "PATH", description = "CNI socket (default: ${DEFAULT-VALUE}).",
            defaultValue = "/var/run/calyx/cni.sock")
    Path cniSocket;

    @Option(names = "--del-queue", paramLabel = "DIR",
            description = "Queued DELs to replay (default: ${DEFAULT-VALUE}).",
            defaultValue = "/var/lib/calyx/cni-queue")
    Path delQueue;

    @Option(names = "--host-netns", paramLabel = "PATH",
            description = "Do all host-side kernel work in this network namespace (default: the agent's own).")
    Path hostNetns;

    @Option(names = "--health-port", paramLabel = "PORT", defaultValue = "9099",
            description = "/liveness and /readiness port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int healthPort;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "9091",
            description = "Prometheus /metrics port (default: ${DEFAULT-VALUE}; -1 = off).")
    int metricsPort;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address health and metrics listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--default-pool", paramLabel = "CIDR",
            description = "Pool to create when the datastore has none (default: 10.244.0.0/16, or the next free /16 "
                    + "if a route on this node overlaps it).")
    String defaultPool;

    @Option(names = "--skip-preflight", description = "Do not run the preflight checks at start.")
    boolean skipPreflight;

    @Option(names = "--no-policy", description = "Do not program network policy (pods run unpoliced; for debugging).")
    boolean noPolicy;

    @Option(names = "--policy-resync", paramLabel = "SECONDS", defaultValue = "30",
            description = "How often the nft policy table is listed and repaired (default: ${DEFAULT-VALUE}).")
    int policyResyncSeconds;

    @Option(names = "--policy-add-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long CNI ADD waits for the pod's policy before failing (default: ${DEFAULT-VALUE}).")
    int policyAddTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (System.getenv("CALYX_LOG_LEVEL") == null) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        }
        if (hostNetns != null && !Files.exists(hostNetns)) {
            throw new ParameterException(spec.commandLine(), "--host-netns " + hostNetns + ": no such file");
        }
        AgentConfig config;
        try {
            config = new AgentConfig(nodeName == null ? NodeAgent.defaultNodeName() : nodeName, datastore.config(),
                    cniSocket, delQueue, Optional.ofNullable(hostNetns), bind, healthPort, metricsPort,
                    Optional.ofNullable(defaultPool), !skipPreflight,
                    new AgentConfig.Policy(!noPolicy, java.time.Duration.ofSeconds(policyResyncSeconds),
                            java.time.Duration.ofSeconds(policyAddTimeoutSeconds)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        CountDownLatch stop = new CountDownLatch(1);
        StopSignals.install(stop::countDown);
        try (NodeAgent agent = NodeAgent.start(config)) {
            stop.await();
            LoggerFactory.getLogger(NodeRunCommand.class).info("stop requested; finishing in-flight CNI requests");
        }
        return 0;
    }
}
