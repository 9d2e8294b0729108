package dev.calyx.cli.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs calyx-cni's {@code build-shim.sh} into the shim directory. The script is idempotent (each step only when
 * its inputs changed), so calling it on every install is how "reuse if up to date" works; its progress lines on
 * stderr are returned so the user sees what was rebuilt.
 *
 * <p>The script and the compiled shim classes are found in the source tree the CLI runs from
 * ({@code <root>/calyx-cni/src/main/sh/build-shim.sh}, {@code <root>/calyx-cni/target/classes}): the launcher
 * always builds the whole tree first. {@code -Dcalyx.home=DIR} overrides the tree root.
 */
public final class ShimBuild {
    static final String SCRIPT = "calyx-cni/src/main/sh/build-shim.sh";

    private ShimBuild() {}

    /** The source tree root: {@code calyx.home}, else the first ancestor of the CLI's jar holding the script. */
    public static Path sourceRoot() {
        String home = System.getProperty("calyx.home");
        if (home != null) {
            return Path.of(home);
        }
        try {
            Path p = Path.of(ShimBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve(SCRIPT))) {
                    return p;
                }
            }
        } catch (Exception e) {
            // fall through to the message below
        }
        throw new IllegalStateException("cannot find " + SCRIPT + " above the calyx CLI's jar: run calyx from its "
                + "source tree (./calyx) or pass -Dcalyx.home=DIR");
    }

    /** Builds (or brings up to date) the shim in {@code shimDir}; returns the script's progress lines. */
    public static List<String> build(Path shimDir, Path socket, Path delQueue) {
        Path script = sourceRoot().resolve(SCRIPT);
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), shimDir.toString()).redirectErrorStream(true);
        pb.environment().put("CALYX_CNI_SOCKET", socket.toString());
        pb.environment().put("CALYX_CNI_QUEUE", delQueue.toString());
        Optional.ofNullable(System.getProperty("java.home")).ifPresent(h -> pb.environment().put("JAVA_HOME", h));
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " " + shimDir + " failed:\n" + out.strip());
            }
            // The JDK's AOT assembly chatter is noise once the build succeeded; the script's own lines say what changed.
            return out.lines().filter(l -> l.startsWith("build-shim:")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the shim into " + shimDir, e);
        }
    }
}
