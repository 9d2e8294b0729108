package dev.calyx.agent;

import dev.calyx.testkit.Exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.agent.cni.ShimRun;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A node agent in-process against a scratch "node" namespace ({@code calyx-t-ag-<random6>}, forwarding on, an
 * uplink with 192.168.78.1/24 and a default route), an embedded datastore, socket and queue in a temp dir, health
 * and metrics on free loopback ports; pods are scratch namespaces; the CNI client is the real shim process.
 * {@link #close} deletes every namespace it made, whatever state the test left.
 */
final class AgentHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    final Path tmp;
    final Netns host;
    final Path socket;
    final Path queue;
    final Path db;
    private final List<String> namespaces = new ArrayList<>();
    NodeAgent agent;

    AgentHarness(Path tmp) {
        this.tmp = tmp;
        this.socket = tmp.resolve("run/cni.sock");
        this.queue = tmp.resolve("queue");
        this.db = tmp.resolve("calyx.db");
        this.host = createNetns();
        try (FfmRtNetlink nl = FfmRtNetlink.openIn(host)) {
            Sysctl.set(host, "net/ipv4/ip_forward", "1");
            Sysctl.set(host, "net/ipv6/conf/all/forwarding", "1");
            nl.addVeth(VethSpec.of("uplink0", "uplink1"));
            nl.setLinkUp("lo");
            nl.setLinkUp("uplink0");
            nl.setLinkUp("uplink1");
            int uplink = nl.link("uplink0").index();
            nl.addAddress(Address.of(uplink, "192.168.78.1/24"));
            nl.addRoute(Route.to(IpPrefix.parse("0.0.0.0/0")).via(IpPrefix.parseAddress("192.168.78.254")).dev(uplink));
        }
    }

    Netns createNetns() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        String name = "calyx-t-ag-" + HexFormat.of().formatHex(b);
        namespaces.add(name);
        return Netns.create(name);
    }

    AgentConfig config() {
        return new AgentConfig("node1", DatastoreConfig.parse("embedded:" + db), socket, queue,
                Optional.of(Netns.RUN_DIR.resolve(host.name())), "127.0.0.1", 0, 0, Optional.empty(), false);
    }

    NodeAgent start() {
        agent = NodeAgent.start(config());
        return agent;
    }

    void stop() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    KvStore openStore() {
        return KvStores.open(DatastoreConfig.parse("embedded:" + db));
    }

    static String conf(String version, String ipam) {
        return "{\"cniVersion\":\"" + version + "\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\","
                + "\"ipam\":" + ipam + "}";
    }

    static String conf(String version) {
        return conf(version, "{\"type\":\"calyx-ipam\"}");
    }

    /** ADD/DEL/CHECK env for a pod in netns {@code pod} (CNI_NETNS "" when null). */
    static Map<String, String> env(String command, String cid, Netns pod, String podName) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", cid);
        env.put("CNI_NETNS", pod == null ? "" : Netns.RUN_DIR.resolve(pod.name()).toString());
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", "/usr/lib/cni");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=" + podName);
        return env;
    }

    ShimRun shim(Map<String, String> env, String stdin) throws Exception {
        return ShimRun.run(ShimRun.javaCommand(socket, queue), env, stdin, true);
    }

    ShimRun add(String cid, Netns pod, String podName) throws Exception {
        return shim(env("ADD", cid, pod, podName), conf("1.0.0"));
    }

    ShimRun del(String cid, Netns pod, String podName) throws Exception {
        return shim(env("DEL", cid, pod, podName), conf("1.0.0"));
    }

    static Exec.Result exec(String... command) {
        return Exec.run(command);
    }

    String hostIp(String... args) {
        return Exec.ip(host.name(), args);
    }

    static String http(int port, String path) throws IOException, InterruptedException {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .build();
        var resp = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return resp.statusCode() + " " + resp.body();
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        stop();
        host.close();
        for (String name : namespaces) {
            try {
                Netns.delete(name);
            } catch (RuntimeException e) {
                Exec.run("ip", "netns", "delete", name);
            }
        }
    }

    static boolean exists(Path p) {
        return Files.exists(p);
    }
}
