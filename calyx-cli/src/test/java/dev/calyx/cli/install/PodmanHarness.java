package dev.calyx.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.cli.CliRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * podman driving calyx with nothing of the host touched: a scratch "host" namespace {@code calyx-t-pm-<hex6>}
 * (forwarding on, an uplink 192.168.79.1/24 with a default route), the agent as a real {@code calyx node run}
 * process doing its host-side work there ({@code --host-netns}), the real shim built by build-shim.sh into a temp
 * dir with a temp socket and queue, and podman run under {@code nsenter --net} of that namespace with temp
 * storage, a temp network config dir and (via {@code CONTAINERS_CONF}) a temp plugin dir first in its search
 * path. The container namespaces podman creates are fresh ones; the agent moves the veth peer into them.
 *
 * <p>{@link #close} removes every container, stops the agent, deletes the namespace and the temp dir.
 */
final class PodmanHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String POOL = "10.77.0.0/16";
    static final String UPLINK_IP = "192.168.79.1";

    final Path tmp;
    final String ns;
    final HostLayout layout;
    final Podman podman;
    final Path rootfs;
    final int healthPort;
    final int metricsPort;
    ProcessHandle agent;

    PodmanHarness(Path tmp, Path shimDir) throws Exception {
        this.tmp = tmp;
        this.ns = "calyx-t-pm-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
        this.layout = HostLayout.under(tmp).withCniBinDirs(List.of(tmp.resolve("bin"))).withShimDir(shimDir);
        healthPort = freePort();
        metricsPort = freePort();
        exec("ip", "netns", "add", ns);
        inNs("ip", "link", "set", "lo", "up");
        inNs("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        inNs("ip", "link", "add", "uplink0", "type", "veth", "peer", "name", "uplink1");
        inNs("ip", "link", "set", "uplink0", "up");
        inNs("ip", "link", "set", "uplink1", "up");
        inNs("ip", "addr", "add", UPLINK_IP + "/24", "dev", "uplink0");
        inNs("ip", "route", "add", "default", "via", "192.168.79.254", "dev", "uplink0", "onlink");
        Path conf = tmp.resolve("containers.conf");
        Files.writeString(conf, "[network]\nnetwork_backend = \"cni\"\ncni_plugin_dirs = [\"" + tmp.resolve("bin")
                + "\", \"/usr/lib/cni\"]\n");
        podman = new Podman(List.of("nsenter", "--net=/run/netns/" + ns),
                List.of("--root", tmp.resolve("storage").toString(), "--runroot", tmp.resolve("runroot").toString(),
                        "--network-config-dir", layout.cniConfDir().toString()),
                Map.of("CONTAINERS_CONF", conf.toString()));
        rootfs = DemoRootfs.build(tmp.resolve("rootfs"));
    }

    /** Installs the plugin and conflist into the temp layout, building (or reusing) the shim. */
    void install() {
        new Installer(layout, ShimBuild::build, layout.cniSocket(), layout.delQueue(), 0).install(false,
                new ArrayList<>());
    }

    void startAgent() throws Exception {
        List<String> cmd = AgentProcess.calyxCommand(List.of("node", "run", "--node-name", "pm-node",
                "--datastore", "embedded:" + layout.datastore(), "--cni-socket", layout.cniSocket().toString(),
                "--del-queue", layout.delQueue().toString(), "--host-netns", "/run/netns/" + ns,
                "--health-port", Integer.toString(healthPort), "--metrics-port", Integer.toString(metricsPort),
                "--default-pool", POOL, "--skip-preflight"));
        long pid = AgentProcess.startDetached(cmd, layout.agentLog(), layout.agentPidFile());
        agent = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("agent exited at once: " + log()));
        if (!AgentProcess.awaitReady("http://127.0.0.1:" + healthPort + "/readiness", agent,
                Instant.now().plus(Duration.ofSeconds(120)))) {
            throw new IllegalStateException("agent not ready; log:\n" + log());
        }
    }

    void stopAgent() {
        AgentProcess.stop(layout.agentPidFile(), Duration.ofSeconds(30));
        agent = null;
    }

    String log() {
        try {
            return Files.readString(layout.agentLog());
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    String run(String name) {
        podman.runDetached(name, Conflist.NETWORK_NAME, rootfs, "sleep", "2147483647");
        return podman.ipv4(name);
    }

    void rm(String... names) {
        List<String> args = new ArrayList<>(List.of("rm", "-f", "-t", "0"));
        args.addAll(List.of(names));
        podman.require(args.toArray(String[]::new));
    }

    /** Links named cali* in the scratch host namespace. */
    List<String> caliLinks() throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode l : JSON.readTree(inNs("ip", "-j", "link", "show"))) {
            String n = l.path("ifname").asText();
            if (n.startsWith("cali")) {
                names.add(n);
            }
        }
        return names;
    }

    /** Routes with calyx's protocol in the scratch host namespace. */
    List<String> calyxRoutes() throws Exception {
        List<String> routes = new ArrayList<>();
        for (String fam : List.of("-4", "-6")) {
            for (String line : inNs("ip", fam, "route", "show", "proto", "80").lines().toList()) {
                if (!line.isBlank()) {
                    routes.add(line.strip());
                }
            }
        }
        return routes;
    }

    long ipsInUse() throws Exception {
        CliRun r = CliRun.of("ipam", "show", "-o", "json", "--datastore", "embedded:" + layout.datastore());
        if (r.exit() != 0) {
            throw new IllegalStateException("ipam show: " + r.out() + r.err());
        }
        long sum = 0;
        for (JsonNode p : JSON.readTree(r.out()).path("pools")) {
            sum += p.path("inUse").asLong();
        }
        return sum;
    }

    String workloadEndpoints() {
        CliRun r = CliRun.of("get", "workloadendpoints", "-A", "-o", "name", "--datastore",
                "embedded:" + layout.datastore());
        return r.out().strip();
    }

    String inNs(String... cmd) throws Exception {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(cmd));
        return exec(full.toArray(String[]::new));
    }

    static String exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
        return out;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            podman.call("rm", "-a", "-f", "-t", "0");
        } finally {
            try {
                stopAgent();
            } finally {
                exec("ip", "netns", "del", ns);
            }
        }
    }
}
