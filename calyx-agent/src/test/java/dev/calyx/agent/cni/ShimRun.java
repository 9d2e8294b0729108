package dev.calyx.agent.cni;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.cni.shim.CniShim;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real shim as a separate process the way a runtime does: empty environment plus the given
 * variables (env -i), cwd "/", stdin from bytes. Either the shim classes with the test JDK's java,
 * or a built wrapper executable.
 */
public record ShimRun(int exit, String stdout, String stderr) {
    public static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    public static Path shimClasspath() {
        try {
            return Path.of(CniShim.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> javaCommand(Path socket, Path queue) {
        return List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-Dcalyx.cni.socket=" + socket, "-Dcalyx.cni.queue=" + queue,
                "-cp", shimClasspath().toString(), CniShim.class.getName());
    }

    public static ShimRun run(List<String> command, Map<String, String> env, String stdin, boolean closeStdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("/").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        OutputStream in = p.getOutputStream();
        if (stdin != null) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (closeStdin) {
            in.close();
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("shim did not exit within 60 s: " + command);
            }
            return new ShimRun(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            in.close();
        }
    }

    private static byte[] readAll(java.io.InputStream s) {
        try {
            return s.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public JsonNode json() throws IOException {
        return ResultCodec.JSON.readTree(stdout);
    }

    public static Map<String, String> env(String... kv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    /** ADD/CHECK/DEL environment for container cid on eth0, plus extra pairs. */
    public static Map<String, String> podEnv(String command, String... extra) {
        Map<String, String> env = env("CNI_COMMAND", command, "CNI_CONTAINERID", "c0ffee01", "CNI_NETNS",
                "/var/run/netns/calyx-t-cni", "CNI_IFNAME", "eth0", "CNI_PATH", "/usr/lib/cni",
                "CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0");
        env.putAll(env(extra));
        return env;
    }

    public static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }
}
