package dev.calyx.cli.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * podman as calyx drives it: podman 4 with the CNI backend chosen by GLOBAL flags, so the user's
 * containers.conf is never rewritten, and runc with cgroupfs. {@code run} adds the ulimits runc needs here
 * (without them it fails "error setting rlimit type 6/7: operation not permitted").
 *
 * <p>{@code prefix} runs podman under another command (tests use {@code ip netns exec NS}); {@code extraGlobal}
 * adds global flags (tests point {@code --network-config-dir}, {@code --root}, {@code --runroot} at temp dirs);
 * {@code env} adds environment (tests set {@code CONTAINERS_CONF} to pick a temp plugin dir).
 */
public record Podman(List<String> prefix, List<String> extraGlobal, Map<String, String> env) {
    public static final List<String> GLOBAL = List.of("--network-backend", "cni", "--runtime", "runc",
            "--cgroup-manager", "cgroupfs");
    public static final List<String> RUN_LIMITS = List.of("--ulimit", "nofile=1024:1024", "--ulimit",
            "nproc=1024:1024");
    /** podman 4 drops CAP_NET_RAW by default; busybox ping needs it (no ping_group_range in the container). */
    public static final List<String> DEMO_CAPS = List.of("--cap-add", "NET_RAW");

    public Podman {
        prefix = List.copyOf(prefix);
        extraGlobal = List.copyOf(extraGlobal);
        env = Map.copyOf(env);
    }

    public static Podman forHost() {
        return new Podman(List.of(), List.of(), Map.of());
    }

    /** The result of one podman call: exit code and combined output. */
    public record Result(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    public Result call(String... args) {
        return call(List.of(args));
    }

    public Result call(List<String> args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("podman");
        cmd.addAll(GLOBAL);
        cmd.addAll(extraGlobal);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(-1, out + "\n(timed out: " + String.join(" ", cmd) + ")");
            }
            return new Result(p.exitValue(), out.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    /** Same as {@link #call} but a non-zero exit is an exception naming the command and podman's output. */
    public String require(String... args) {
        Result r = call(args);
        if (!r.ok()) {
            throw new IllegalStateException("podman " + String.join(" ", args) + " failed (exit " + r.exit() + "): "
                    + r.output());
        }
        return r.output();
    }

    /** Starts a detached container on {@code network} from a rootfs directory; returns its ID. */
    public String runDetached(String name, String network, Path rootfs, String... command) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", network));
        args.addAll(RUN_LIMITS);
        args.addAll(DEMO_CAPS);
        args.addAll(List.of("--rootfs", rootfs.toString()));
        args.addAll(List.of(command));
        return require(args.toArray(String[]::new));
    }

    /** The container's IPv4 address on eth0, read inside the container (works for any plugin type). */
    public String ipv4(String container) {
        String out = require("exec", container, "ip", "-4", "-o", "addr", "show", "dev", "eth0");
        for (String tok : out.split("\\s+")) {
            if (tok.contains("/") && Character.isDigit(tok.charAt(0))) {
                return tok.substring(0, tok.indexOf('/'));
            }
        }
        throw new IllegalStateException("container " + container + " has no IPv4 address on eth0: " + out);
    }

    public static Map<String, String> env(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put(key, value);
        return m;
    }
}
