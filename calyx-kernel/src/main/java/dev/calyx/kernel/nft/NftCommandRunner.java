package dev.calyx.kernel.nft;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Runs a command with text on stdin; injectable so that {@link NftExecBackend} can be unit-tested without nft. */
@FunctionalInterface
public interface NftCommandRunner {
    Result run(List<String> argv, String stdin);

    /** Exit status and the two output streams as text. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs the command as a child process, feeding stdin while both outputs drain so none can fill and block. */
    static NftCommandRunner process() {
        return (argv, stdin) -> {
            Process p;
            try {
                p = new ProcessBuilder(argv).start();
            } catch (IOException e) {
                throw new NftException("start " + String.join(" ", argv) + ": " + e.getMessage(), e);
            }
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // nft exits early on a syntax error and closes its stdin; its stderr says why.
            }
            try {
                int rc = p.waitFor();
                return new Result(rc, out.get(), err.get());
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new NftException("interrupted waiting for " + String.join(" ", argv), e);
            } catch (ExecutionException e) {
                throw new NftException("read output of " + String.join(" ", argv), e.getCause());
            }
        };
    }

    private static CompletableFuture<String> drain(InputStream s) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (s) {
                f.complete(new String(s.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return f;
    }
}
