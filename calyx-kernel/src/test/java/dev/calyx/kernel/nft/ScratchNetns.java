package dev.calyx.kernel.nft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Test fixture: a throwaway network namespace {@code calyx-t-nft-<random6>} made and removed with {@code ip netns},
 * so that every real nft call of a test lands there and never in the host's ruleset.
 */
final class ScratchNetns implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    final String name;

    ScratchNetns() {
        byte[] b = new byte[3];
        RANDOM.nextBytes(b);
        this.name = "calyx-t-nft-" + HexFormat.of().formatHex(b);
        exec("ip", "netns", "add", name);
    }

    Path path() {
        return Path.of("/var/run/netns", name);
    }

    Optional<Path> optionalPath() {
        return Optional.of(path());
    }

    /** Runs a command inside this namespace; returns its exit status. */
    int execIn(String... argv) {
        return run(concat(List.of("ip", "netns", "exec", name), argv), false);
    }

    static void exec(String... argv) {
        run(List.of(argv), true);
    }

    static int run(List<String> argv, boolean mustSucceed) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            if (mustSucceed && rc != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + rc + ": " + out.strip());
            }
            return rc;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", argv), e);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.Arrays.stream(tail)).toList();
    }

    @Override
    public void close() {
        run(List.of("ip", "netns", "del", name), false);
    }
}
