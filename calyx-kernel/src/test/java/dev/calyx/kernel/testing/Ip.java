package dev.calyx.kernel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs iproute2 and other tools for cross-checks in tests (never in production code). */
public final class Ip {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ip() {}

    public record Result(int exit, String out, String err) {
        public Result orThrow() {
            if (exit != 0) {
                throw new IllegalStateException("command failed (" + exit + "): " + err + out);
            }
            return this;
        }
    }

    public static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
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
        return run(cmd.toArray(String[]::new)).orThrow().out();
    }

    /** {@code ip -j -n NS ARGS...} parsed as JSON (an array). */
    public static JsonNode json(String netns, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-j", "-n", netns));
        cmd.addAll(List.of(args));
        String out = run(cmd.toArray(String[]::new)).orThrow().out();
        try {
            return JSON.readTree(out.isBlank() ? "[]" : out);
        } catch (IOException e) {
            throw new IllegalStateException("bad JSON from " + cmd + ": " + out, e);
        }
    }

    /**
     * Whether {@code ip netns exec NS ping -c1 -W1 ADDR} gets an answer (3 tries: the first may wait for ARP). Uses
     * iputils ping when installed, else busybox's (Debian's busybox-static, which {@code ./calyx setup} installs).
     */
    public static boolean ping(String netns, String address) {
        boolean iputils = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/ping"))
                || java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/ping"));
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        cmd.addAll(iputils ? List.of("ping") : List.of("busybox", "ping"));
        cmd.addAll(List.of("-c1", "-W1", address));
        for (int i = 0; i < 3; i++) {
            if (run(cmd.toArray(String[]::new)).exit() == 0) {
                return true;
            }
        }
        return false;
    }
}
