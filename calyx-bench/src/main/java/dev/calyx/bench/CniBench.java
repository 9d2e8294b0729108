package dev.calyx.bench;

import dev.calyx.agent.AgentConfig;
import dev.calyx.agent.NodeAgent;
import dev.calyx.cni.shim.CniShim;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * CNI ADD and DEL as a runtime sees them (exec the plugin, env -i, config on stdin, wait for the result): calyx's
 * shim + in-process node agent against Debian's Go {@code ptp} + {@code host-local} (/usr/lib/cni), same run, same
 * scratch namespaces ({@code calyx-b-cni-<random>} as the node with ip_forward=1, one pod namespace reused).
 *
 * <pre>
 * mvn -B -q -o -pl calyx-bench -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -cp 'calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/*' \
 *      dev.calyx.bench.CniBench [cycles]
 * </pre>
 * Variants: (a) the shim as {@code java -cp calyx-cni.jar} with the wrapper's flags; (b) the jlink+AOT wrapper,
 * when {@code calyx-cni/src/main/sh/build-shim.sh} is found from the working directory (built once into
 * {@value #WRAPPER_DIR}, baked to this benchmark's socket). {@code ptp} must run inside the node namespace, so it is
 * started through {@code ip netns exec}; that launcher's own cost is measured ({@code ip netns exec NS true}) and
 * printed so it can be taken off. Sustained rate: 4 workers doing ADD+DEL cycles on distinct pods.
 */
public final class CniBench {
    static final String WRAPPER_DIR = "/tmp/calyx-bench-shim";
    static final Path WORK = Path.of("/tmp/calyx-bench-cni");
    private static final int WORKERS = 4;

    private CniBench() {
    }

    record Plugin(String label, List<String> command, String conf) {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String node = "calyx-b-cni-" + HexFormat.of().formatHex(random);
        List<String> pods = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            pods.add(node + "-p" + i);
        }
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        try (Netns host = Netns.create(node)) {
            pods.forEach(p -> Netns.create(p).close());
            Sysctl.set(host, "net/ipv4/ip_forward", "1");
            AgentConfig config = new AgentConfig("bench", DatastoreConfig.parse("embedded:" + WORK.resolve("db")),
                    WORK.resolve("cni.sock"), WORK.resolve("queue"), Optional.of(Netns.RUN_DIR.resolve(node)),
                    "127.0.0.1", 0, 0, Optional.empty(), false);
            try (NodeAgent agent = NodeAgent.start(config)) {
                System.out.printf("calyx CNI bench: node netns %s, %d cycles, %d cores, %s%n", node, cycles,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
                run(plugins(node), node, pods, cycles, agent.metricsPort());
            }
        } finally {
            pods.forEach(Netns::delete);
            Netns.delete(node);
            deleteRecursively(WORK);
        }
    }

    private static List<Plugin> plugins(String node) throws Exception {
        String calyxConf = "{\"cniVersion\":\"1.0.0\",\"name\":\"k8s-pod-network\",\"type\":\"calyx\","
                + "\"ipam\":{\"type\":\"calyx-ipam\"}}";
        String ptpConf = "{\"cniVersion\":\"1.0.0\",\"name\":\"bench-ptp\",\"type\":\"ptp\",\"mtu\":1450,"
                + "\"ipam\":{\"type\":\"host-local\",\"dataDir\":\"" + WORK.resolve("host-local")
                + "\",\"ranges\":[[{\"subnet\":\"10.99.0.0/16\"}]],\"routes\":[{\"dst\":\"0.0.0.0/0\"}]}}";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(CniShim.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<Plugin> plugins = new ArrayList<>();
        plugins.add(new Plugin("Go ptp+host-local (via ip netns exec)",
                List.of("ip", "netns", "exec", node, "/usr/lib/cni/ptp"), ptpConf));
        plugins.add(new Plugin("calyx shim (java -cp) + agent", List.of(java, "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Dcalyx.cni.socket=" + WORK.resolve("cni.sock"),
                "-Dcalyx.cni.queue=" + WORK.resolve("queue"), "-cp", jar, CniShim.class.getName()), calyxConf));
        buildWrapper().ifPresent(w ->
                plugins.add(new Plugin("calyx jlink+AOT wrapper + agent", List.of(w), calyxConf)));
        return plugins;
    }

    private static void run(List<Plugin> plugins, String node, List<String> pods, int cycles, int metricsPort)
            throws Exception {
        double launcher = median(timeCommand(List.of("ip", "netns", "exec", node, "true"), Map.of(), "", cycles));
        System.out.printf(Locale.ROOT, "  launcher alone: ip netns exec NS true  p50 %6.1f ms%n", launcher);
        double anchorAdd = 0;
        double anchorRate = 0;
        for (Plugin plugin : plugins) {
            cyclesOf(plugin, pods.getFirst(), 3, null); // warm-up: agent JIT, page cache
            Map<String, double[]> before = agentSide(metricsPort);
            double[][] lat = cyclesOf(plugin, pods.getFirst(), cycles, null);
            Map<String, double[]> after = agentSide(metricsPort);
            double rate = sustained(plugin, pods, cycles);
            double add50 = percentile(lat[0], 50);
            if (anchorAdd == 0) {
                anchorAdd = add50;
                anchorRate = rate;
            }
            System.out.printf(Locale.ROOT, "%-40s ADD p50 %6.1f p99 %6.1f ms | DEL p50 %6.1f p99 %6.1f ms | "
                            + "sustained %5.1f ADD+DEL/s (%d workers) | ADD p50 vs anchor %4.1fx, rate %4.2fx%n",
                    plugin.label(), add50, percentile(lat[0], 99), percentile(lat[1], 50), percentile(lat[1], 99),
                    rate, WORKERS, add50 / anchorAdd, rate / anchorRate);
            if (plugin.command().getFirst().equals("ip")) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-40s agent-side mean: ADD %6.1f ms, DEL %6.1f ms (the rest is the shim)%n",
                    "", mean(before, after, "ADD"), mean(before, after, "DEL"));
        }
    }

    /** ADD then DEL, {@code cycles} times, on one pod namespace; returns [add ms[], del ms[]]. */
    private static double[][] cyclesOf(Plugin plugin, String pod, int cycles, String tag) throws Exception {
        double[] add = new double[cycles];
        double[] del = new double[cycles];
        for (int i = 0; i < cycles; i++) {
            String cid = "b%s%08d".formatted(tag == null ? "" : tag, i);
            add[i] = once(plugin, "ADD", cid, pod);
            del[i] = once(plugin, "DEL", cid, pod);
        }
        return new double[][] {add, del};
    }

    private static double sustained(Plugin plugin, List<String> pods, int cycles) throws Exception {
        int perWorker = Math.max(3, cycles / WORKERS);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<double[][]>> done = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String pod = pods.get(w);
                String tag = "w" + w;
                done.add(pool.submit(() -> cyclesOf(plugin, pod, perWorker, tag)));
            }
            for (Future<double[][]> f : done) {
                f.get();
            }
        }
        return WORKERS * perWorker / ((System.nanoTime() - start) / 1e9);
    }

    private static double once(Plugin plugin, String command, String cid, String pod) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", cid);
        env.put("CNI_NETNS", Netns.RUN_DIR.resolve(pod).toString());
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_PATH", "/usr/lib/cni");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=bench;K8S_POD_NAME=" + cid);
        return timeCommand(plugin.command(), env, plugin.conf(), 1)[0];
    }

    private static double[] timeCommand(List<String> command, Map<String, String> env, String stdin, int times)
            throws IOException, InterruptedException {
        double[] ms = new double[times];
        for (int i = 0; i < times; i++) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            if (!env.containsKey("PATH")) {
                pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            }
            long start = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " " + env.get("CNI_COMMAND") + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    /** Builds (or reuses) the jlink+AOT wrapper baked to this benchmark's socket; empty if the script is absent. */
    private static Optional<String> buildWrapper() throws IOException, InterruptedException {
        Path script = Path.of("calyx-cni/src/main/sh/build-shim.sh");
        if (!Files.isRegularFile(script)) {
            System.out.println("  (no calyx-cni/src/main/sh/build-shim.sh here: jlink+AOT wrapper not measured)");
            return Optional.empty();
        }
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString(), WRAPPER_DIR).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CALYX_CNI_SOCKET", WORK.resolve("cni.sock").toString());
        pb.environment().put("CALYX_CNI_QUEUE", WORK.resolve("queue").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            System.out.println("  wrapper build failed, not measured: " + out.strip());
            return Optional.empty();
        }
        return Optional.of(Path.of(WRAPPER_DIR, "calyx").toString());
    }

    /** Agent-side CNI time per command from its own histogram: command -> [sum seconds, count]. */
    private static Map<String, double[]> agentSide(int port) throws IOException, InterruptedException {
        var client = java.net.http.HttpClient.newHttpClient();
        String body = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String line : body.lines().toList()) {
            for (String suffix : List.of("_sum", "_count")) {
                String prefix = "calyx_cni_request_duration_seconds" + suffix + "{command=\"";
                if (line.startsWith(prefix)) {
                    String command = line.substring(prefix.length(), line.indexOf('"', prefix.length()));
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    out.computeIfAbsent(command, c -> new double[2])[suffix.equals("_sum") ? 0 : 1] = value;
                }
            }
        }
        return out;
    }

    private static double mean(Map<String, double[]> before, Map<String, double[]> after, String command) {
        double[] a = after.getOrDefault(command, new double[2]);
        double[] b = before.getOrDefault(command, new double[2]);
        return a[1] == b[1] ? 0 : (a[0] - b[0]) / (a[1] - b[1]) * 1000;
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
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
