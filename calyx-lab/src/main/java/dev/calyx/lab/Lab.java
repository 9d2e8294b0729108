package dev.calyx.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A running lab: the model's pods on N nodes, reachable from each other, their state persisted for other
 * {@code calyx lab} processes.
 *
 * <p>Lifecycle: {@link #up} builds nodes and pods (round-robin over nodes in model order) and writes the state file;
 * the servers then run either in this JVM ({@link #serveInProcess}, tests and one-shot conformance runs) or in the
 * detached daemon ({@link ServerDaemon}, {@code calyx lab up}). {@link #close} / {@link #down} remove every
 * namespace with the lab's prefix and every process recorded in the state.
 *
 * <p>Thread safety: owned by one thread; {@link #probe} may be called from any thread.
 */
public final class Lab implements AutoCloseable {
    /** The argument that marks a server daemon as belonging to the lab with this prefix. */
    public static String daemonMarker(LabConfig config) {
        return "--lab-prefix=" + config.prefix();
    }

    private final LabConfig config;
    private final LabModel model;
    private final PodNetwork network;
    private final List<Pod> pods;
    private PodServers servers;

    private Lab(LabConfig config, LabModel model, PodNetwork network, List<Pod> pods) {
        this.config = config;
        this.model = model;
        this.network = network;
        this.pods = List.copyOf(pods);
    }

    /** Builds the lab with Calico-style wiring ({@link RoutedVethNetwork}). */
    public static Lab up(LabConfig config, LabModel model, int nodes) {
        refuseExisting(config);
        HostRouteCheck.requireFree(List.of(config.podRange(), config.underlayRange()));
        return up(config, model, RoutedVethNetwork.create(config, nodes));
    }

    /**
     * Builds the full lab: a real node agent per node, pods attached by the real CNI shim ({@link AgentPodNetwork});
     * policies go through {@link #policySink()}.
     */
    public static Lab upWithAgents(LabConfig config, LabModel model, int nodes) {
        refuseExisting(config);
        HostRouteCheck.requireFree(List.of(config.podRange(), config.underlayRange()));
        Lab lab = up(config, model, AgentPodNetwork.create(config, nodes));
        try (PolicySink sink = lab.policySink()) {
            lab.announceModel(sink);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /**
     * Writes the model's namespaces and pod labels where policy reads them, as a cluster has them from the start
     * (without the namespaces their profiles are missing and the agents admit nothing).
     */
    private void announceModel(PolicySink sink) {
        model.namespaces().forEach(n -> sink.applyNamespace(n.name(), n.labels()));
        for (Pod p : pods) {
            PodSpec spec = model.pod(p.ref()).orElseThrow();
            sink.applyPod(p, spec, spec.labels());
        }
    }

    /** Where this lab's policies must go: the agents' datastore, or nowhere for the agent-less network. */
    public PolicySink policySink() {
        return network instanceof AgentPodNetwork agents ? new DatastorePolicySink(agents.datastore())
                : new NoPolicySink();
    }

    /** Builds the lab's pods on {@code network}; on failure tears down everything, the network included. */
    public static Lab up(LabConfig config, LabModel model, PodNetwork network) {
        List<Pod> pods = new ArrayList<>();
        try {
            int i = 0;
            for (PodSpec spec : model.podsInOrder()) {
                pods.add(network.attach(spec, i++ % network.nodes().size()));
            }
            Lab lab = new Lab(config, model, network, pods);
            lab.initialState().save(config.stateFile());
            return lab;
        } catch (RuntimeException e) {
            pods.forEach(network::detach);
            network.close();
            LabNamespaces.removeAll(config.prefix());
            throw e;
        }
    }

    private static void refuseExisting(LabConfig config) {
        List<String> leftovers = LabNamespaces.existing(config.prefix());
        if (Files.exists(config.stateFile()) || !leftovers.isEmpty()) {
            throw new LabException("a lab is already up (" + config.stateFile() + ", namespaces " + leftovers
                    + "): run 'calyx lab down' first");
        }
    }

    private LabState initialState() {
        List<LabState.PodState> states = new ArrayList<>();
        for (Pod p : pods) {
            PodSpec spec = model.pod(p.ref()).orElseThrow();
            states.add(LabState.PodState.of(p, spec, spec.labels()));
        }
        Map<String, Map<String, String>> ns = new java.util.LinkedHashMap<>();
        model.namespaces().forEach(n -> ns.put(n.name(), n.labels()));
        return new LabState(config.prefix(), network.nodes(), states, ns, 0);
    }

    /** Serves every pod's ports from this JVM until {@link #close}. */
    public Lab serveInProcess() {
        if (servers == null) {
            servers = PodServers.start(pods, model.pods());
        }
        return this;
    }

    public LabConfig config() {
        return config;
    }

    public LabModel model() {
        return model;
    }

    public PodNetwork network() {
        return network;
    }

    /** The pods in matrix order. */
    public List<Pod> pods() {
        return pods;
    }

    public Matrix probe(Prober prober, int port, Protocol protocol) {
        return prober.probe(pods, port, protocol);
    }

    @Override
    public void close() {
        if (servers != null) {
            servers.close();
        }
        pods.forEach(network::detach);
        network.close();
        down(config);
    }

    private static void deleteAgentsDir(java.nio.file.Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (java.nio.file.Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new LabException("remove " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #down} removed. */
    public record DownReport(List<String> namespaces, boolean daemonStopped, boolean stateRemoved) {}

    /**
     * Removes the lab with {@code config}'s prefix from any process: stops its server daemon by recorded PID (and
     * any daemon carrying this lab's marker whose PID was lost), deletes every namespace with the prefix (orphans
     * included) and the state file. Idempotent.
     */
    public static DownReport down(LabConfig config) {
        boolean stopped = false;
        try {
            stopped = LabState.load(config.stateFile())
                    .filter(s -> s.serverPid() > 0)
                    .map(s -> ServerDaemon.stop(s.serverPid(), daemonMarker(config)))
                    .orElse(false);
        } catch (LabException e) {
            // An unreadable state file must not keep the namespaces alive: sweep by prefix anyway.
        }
        for (long orphan : ServerDaemon.orphans(daemonMarker(config))) {
            stopped |= ServerDaemon.stop(orphan, daemonMarker(config));
        }
        List<String> removed = LabNamespaces.removeAll(config.prefix());
        deleteAgentsDir(config.stateDir().resolve("agents"));
        boolean stateRemoved;
        try {
            stateRemoved = Files.deleteIfExists(config.stateFile());
            Files.deleteIfExists(config.stateDir().resolve(ServerDaemon.READY_FILE));
        } catch (IOException e) {
            throw new LabException("remove " + config.stateFile() + ": " + e.getMessage(), e);
        }
        return new DownReport(removed, stopped, stateRemoved);
    }
}
