package dev.calyx.preflight;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A throwaway netns for one test, named calyx-t-pf-RANDOM, deleted on close whatever happened. */
final class TestNetns implements AutoCloseable {
    static final String PREFIX = "calyx-t-pf-";
    private static final Duration T = Duration.ofSeconds(20);
    final String name;

    TestNetns() {
        byte[] r = new byte[3];
        new SecureRandom().nextBytes(r);
        name = PREFIX + HexFormat.of().formatHex(r);
        must("ip", "netns", "add", name);
    }

    /** Runs {@code ip -n NAME ARGS...} and fails the test if it fails. */
    void ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", name));
        argv.addAll(List.of(args));
        must(argv.toArray(String[]::new));
    }

    /** Runs a command inside the netns. */
    Exec.Result exec(String stdin, String... argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(List.of(argv));
        return Exec.run(T, stdin, full);
    }

    static void must(String... argv) {
        Exec.Result r = Exec.run(T, argv);
        if (!r.ok()) {
            throw new IllegalStateException(r.commandLine() + ": " + r.message());
        }
    }

    static boolean exists(String name) {
        return Exec.run(T, "ip", "netns", "list").stdout().lines().anyMatch(l -> l.split(" ")[0].equals(name));
    }

    static List<String> withPrefix(String prefix) {
        return Exec.run(T, "ip", "netns", "list").stdout().lines().map(l -> l.split(" ")[0])
                .filter(n -> n.startsWith(prefix)).toList();
    }

    @Override
    public void close() {
        Exec.run(T, "ip", "netns", "del", name);
    }
}
