package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.agent.AgentConfig;
import dev.calyx.agent.NodeAgent;
import dev.calyx.cni.shim.CniShim;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netns.Netns;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The full lab: every node namespace runs a real {@link NodeAgent} (in this JVM, with {@code --host-netns} = the
 * node), all of them on ONE embedded datastore file, and pods are attached by executing the real CNI shim (ADD with
 * a cniVersion 1.0.0 network config, {@code K8S_POD_NAMESPACE}/{@code K8S_POD_NAME} from the model). The agent
 * wires the pod, allocates its address from the lab's pod range and returns only once the pod's policy is in the
 * node's nft table.
 *
 * <p>Nodes and the underlay are those of {@link RoutedVethNetwork} (its pods are simply never used). Addresses come
 * from IPAM blocks, not from the per-node /24s the underlay routes, so with more than one node every pod gets a
 * /32 route in the underlay towards its node (the static stand-in for the routing that BGP/VXLAN will provide).
 *
 * <p>Thread safety: {@link #attach}/{@link #detach} are synchronized.
 */
public final class AgentPodNetwork implements PodNetwork {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LabConfig config;
    private final RoutedVethNetwork nodesAndUnderlay;
    private final Path work;
    private final List<NodeAgent> agents = new ArrayList<>();

    private AgentPodNetwork(LabConfig config, RoutedVethNetwork base, Path work) {
        this.config = config;
        this.nodesAndUnderlay = base;
        this.work = work;
    }

    /** Builds nodes and underlay, and starts one agent per node; on failure removes whatever it created. */
    public static AgentPodNetwork create(LabConfig config, int nodeCount) {
        RoutedVethNetwork base = RoutedVethNetwork.create(config, nodeCount);
        Path work = agentsDir(config);
        AgentPodNetwork net = new AgentPodNetwork(config, base, work);
        try {
            deleteRecursively(work);
            Files.createDirectories(work);
            for (int i = 0; i < nodeCount; i++) {
                net.agents.add(NodeAgent.start(net.agentConfig(i)));
            }
            return net;
        } catch (IOException | RuntimeException e) {
            net.close();
            throw new LabException("start node agents for the lab (" + config.prefix() + "*): " + e.getMessage(), e);
        }
    }

    /** The datastore all the lab's agents share (policy sinks write here). */
    public DatastoreConfig datastore() {
        return datastore(config);
    }

    /** Where the agents of the lab with {@code config} keep their datastore. */
    public static DatastoreConfig datastore(LabConfig config) {
        return DatastoreConfig.parse("embedded:" + agentsDir(config).resolve("calyx.db"));
    }

    /** Whether the lab with {@code config} was built with agents (its datastore exists). */
    public static boolean hasAgents(LabConfig config) {
        return Files.exists(agentsDir(config).resolve("calyx.db"));
    }

    private static Path agentsDir(LabConfig config) {
        return config.stateDir().resolve("agents");
    }

    /**
     * Stops this process's agents and leaves everything else as is: pods stay wired and policed (an agent stop
     * never flushes), so another process can {@link #resumeAgents} over the same nodes and datastore.
     */
    public synchronized void handOver() {
        agents.forEach(NodeAgent::close);
        agents.clear();
    }

    /**
     * Starts the agents of a lab built earlier (the {@code calyx lab up} daemon): each adopts its node's endpoints
     * and reprograms its table from the datastore after its first sync. Returns them; the caller closes them.
     */
    public static List<NodeAgent> resumeAgents(LabConfig config, List<String> nodes) {
        List<NodeAgent> started = new ArrayList<>();
        try {
            for (int i = 0; i < nodes.size(); i++) {
                started.add(NodeAgent.start(agentConfig(config, nodes, i)));
            }
            return started;
        } catch (RuntimeException e) {
            started.forEach(NodeAgent::close);
            throw new LabException("resume the lab's node agents: " + e.getMessage(), e);
        }
    }

    private AgentConfig agentConfig(int node) {
        return agentConfig(config, nodesAndUnderlay.nodes(), node);
    }

    private static AgentConfig agentConfig(LabConfig config, List<String> nodes, int node) {
        Path dir = agentsDir(config).resolve("node" + node);
        return new AgentConfig(config.prefix() + "node" + node, datastore(config), dir.resolve("cni.sock"),
                dir.resolve("queue"), Optional.of(Netns.RUN_DIR.resolve(nodes.get(node))), "127.0.0.1", 0, -1,
                Optional.of(config.podRange().toString()), false);
    }

    @Override
    public List<String> nodes() {
        return nodesAndUnderlay.nodes();
    }

    @Override
    public synchronized Pod attach(PodSpec spec, int node) {
        if (node < 0 || node >= agents.size()) {
            throw new IllegalArgumentException("pod " + spec.ref() + ": node " + node + " of " + agents.size());
        }
        String netns = LabNamespaces.pod(config.prefix(), spec.ref());
        try (Netns podNs = Netns.create(netns); FfmRtNetlink inPod = FfmRtNetlink.openIn(podNs)) {
            inPod.setLinkUp("lo");
        }
        try {
            JsonNode result = shim("ADD", spec.ref(), netns, node);
            String cidr = result.path("ips").path(0).path("address").asText();
            InetAddress ip = IpPrefix.parse(cidr).address();
            String hostSide = hostInterface(result, spec.ref());
            Pod pod = new Pod(spec.ref(), node, netns, ip, hostSide);
            if (agents.size() > 1) {
                routeInUnderlay(ip, node);
            }
            return pod;
        } catch (RuntimeException e) {
            Netns.delete(netns);
            throw new LabException("attach pod " + spec.ref() + " to " + nodes().get(node) + " via CNI ADD: "
                    + e.getMessage(), e);
        }
    }

    private static String hostInterface(JsonNode result, PodRef ref) {
        for (JsonNode itf : result.path("interfaces")) {
            if (!itf.has("sandbox") || itf.path("sandbox").asText().isEmpty()) {
                return itf.path("name").asText();
            }
        }
        return LabNamespaces.hostInterface(ref);
    }

    /** The underlay routes node i's /24; IPAM's blocks do not follow that, so each pod gets its own /32. */
    private void routeInUnderlay(InetAddress ip, int node) {
        InetAddress nodeSide = RoutedVethNetwork.offset(config.underlayRange(), node, 2);
        try (Netns u = Netns.open(LabNamespaces.underlay(config.prefix()));
             FfmRtNetlink nl = FfmRtNetlink.openIn(u)) {
            int link = nl.linkByName("node" + node).map(Link::index)
                    .orElseThrow(() -> new LabException("underlay link node" + node + " missing"));
            nl.addRoute(Route.to(IpPrefix.host(ip)).via(nodeSide).dev(link));
        }
    }

    @Override
    public synchronized void detach(Pod pod) {
        try {
            shim("DEL", pod.ref(), pod.netns(), pod.node());
        } catch (RuntimeException e) {
            // The namespace goes anyway; the agent's restart reconciliation removes what DEL could not.
        }
        Netns.delete(pod.netns());
    }

    /** Runs the real shim for one pod; returns the parsed result (ADD) or an empty node. */
    private JsonNode shim(String command, PodRef ref, String netns, int node) {
        AgentConfig agent = agents.get(node).config();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Dcalyx.cni.socket=" + agent.cniSocket(), "-Dcalyx.cni.queue=" + agent.delQueue(),
                "-cp", shimClasspath(), CniShim.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", "lab-" + ref.namespace() + "-" + ref.name());
        env.put("CNI_NETNS", Netns.RUN_DIR.resolve(netns).toString());
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", "/opt/cni/bin");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=" + ref.namespace() + ";K8S_POD_NAME=" + ref.name());
        String conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\","
                + "\"ipam\":{\"type\":\"calyx-ipam\"}}";
        try {
            Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().write(conf.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new LabException("CNI " + command + " " + ref + ": shim did not finish in 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new LabException("CNI " + command + " " + ref + ": shim exit " + p.exitValue() + ": " + text);
            }
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new LabException("CNI " + command + " " + ref + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("CNI " + command + " " + ref + ": interrupted", e);
        }
    }

    private static String shimClasspath() {
        try {
            return Path.of(CniShim.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        for (NodeAgent a : agents) {
            a.close();
        }
        agents.clear();
        nodesAndUnderlay.close();
        try {
            deleteRecursively(work);
        } catch (IOException e) {
            // best effort: the state dir is the lab's own
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
