package dev.calyx.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived tool ({@code nft}, {@code ip}, {@code bird}) and captures its output. A missing binary is a
 * result ({@link Result#notFound()}), not an exception: "nft is not installed" is a finding preflight reports.
 */
public final class Exec {
    private Exec() {}

    /** What the command did; {@code exitCode} -1 means it could not be started, -2 that it timed out. */
    public record Result(List<String> argv, int exitCode, String stdout, String stderr) {
        public Result {
            argv = List.copyOf(argv);
        }

        public boolean ok() {
            return exitCode == 0;
        }

        public boolean notFound() {
            return exitCode == -1;
        }

        /** stderr, else stdout, trimmed to one line: the kernel's or tool's own words for what went wrong. */
        public String message() {
            String s = stderr.isBlank() ? stdout : stderr;
            return s.strip().lines().findFirst().orElse("exit code " + exitCode);
        }

        public String commandLine() {
            return String.join(" ", argv);
        }
    }

    /**
     * For a command run through a namespace launcher ({@code nsenter}, {@code ip netns exec}): the launcher's own
     * "cannot execute" failure becomes {@link Result#notFound()}, so a missing {@code nft} is not mistaken for the
     * kernel's "No such file or directory".
     */
    static Result launched(Result r) {
        String err = r.stderr();
        boolean launchFailed = !r.ok() && (err.contains("failed to execute") || err.startsWith("exec of "));
        return launchFailed ? new Result(r.argv(), -1, r.stdout(), err) : r;
    }

    public static Result run(Duration timeout, String... argv) {
        return run(timeout, null, List.of(argv));
    }

    public static Result run(Duration timeout, String stdin, List<String> argv) {
        Process p;
        try {
            p = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            return new Result(argv, -1, "", argv.getFirst() + ": not found (" + e.getMessage() + ")");
        }
        try {
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(argv, -2, "", String.join(" ", argv) + ": no answer within " + timeout);
            }
            return new Result(argv, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", argv) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", argv) + ": interrupted", e);
        }
    }

    private static CompletableFuture<String> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                return new String(s.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
