package dev.calyx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** iproute2 and busybox for cross-checks in tests (production code never execs them). */
public final class Exec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exec() {}

    public record Result(int exit, String out) {}

    public static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ip -n NS ARGS...}, failing on a non-zero exit. */
    public static String ip(String netns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", netns));
        cmd.addAll(List.of(args));
        Result r = run(cmd.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new IllegalStateException(cmd + " failed: " + r.out());
        }
        return r.out();
    }

    /** {@code ip -j -n NS ARGS...} parsed (an array). */
    public static JsonNode json(String netns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("-j"));
        cmd.addAll(List.of(args));
        String out = ipJ(netns, cmd);
        try {
            return JSON.readTree(out.isBlank() ? "[]" : out);
        } catch (IOException e) {
            throw new IllegalStateException("bad JSON from ip " + cmd + ": " + out, e);
        }
    }

    private static String ipJ(String netns, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.add(args.getFirst());
        cmd.addAll(List.of("-n", netns));
        cmd.addAll(args.subList(1, args.size()));
        Result r = run(cmd.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new IllegalStateException(cmd + " failed: " + r.out());
        }
        return r.out();
    }

    /** A sysctl of {@code netns} read from /proc/sys inside it (slash form: net/ipv4/conf/cali1/proxy_arp). */
    public static String sysctl(String netns, String key) {
        return run("ip", "netns", "exec", netns, "cat", "/proc/sys/" + key).out().trim();
    }

    /** Whether {@code busybox ping -c1 -W1 ADDR} inside {@code netns} gets an answer (3 tries: ARP/ND first). */
    public static boolean ping(String netns, String address) {
        for (int i = 0; i < 3; i++) {
            if (run("ip", "netns", "exec", netns, "busybox", "ping", "-c1", "-W2", address).exit() == 0) {
                return true;
            }
        }
        return false;
    }
}
