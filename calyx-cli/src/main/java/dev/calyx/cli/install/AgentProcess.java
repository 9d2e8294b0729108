package dev.calyx.cli.install;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The node agent as a background process: started detached ({@code setsid nohup}, logs appended to a file, PID
 * in a file) so it outlives the CLI, and stopped by that PID only.
 *
 * <p>Design: the PID file is trusted only when the process it names is still a calyx agent (its command line
 * holds {@code node run}); a stale file left by a crash, whose PID the kernel has since reused, never gets an
 * unrelated process signalled. The agent is started with the very JVM and class path the CLI runs on.
 */
public final class AgentProcess {
    private AgentProcess() {}

    /** The command line that runs {@code calyx ARGS...} in a new JVM like this one. */
    public static List<String> calyxCommand(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.calyx.cli.Main");
        cmd.addAll(args);
        return cmd;
    }

    /** Starts {@code command} detached, output appended to {@code log}; writes and returns its PID. */
    public static long startDetached(List<String> command, Path log, Path pidFile) {
        List<String> full = new ArrayList<>(List.of("setsid", "nohup"));
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            Process p = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true).start();
            // setsid and nohup exec in place (the child is no process-group leader), so this is the agent's PID.
            AtomicFiles.write(pidFile, (p.pid() + "\n").getBytes(StandardCharsets.UTF_8), false);
            return p.pid();
        } catch (IOException e) {
            throw new UncheckedIOException("start agent (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    /** The live agent the PID file names, if any. */
    public static Optional<ProcessHandle> running(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(AgentProcess::isAgent);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAgent(ProcessHandle h) {
        String cmdline;
        try { // /proc, not ProcessHandle.Info: Info truncates long command lines (our class path is long)
            cmdline = Files.readString(Path.of("/proc/" + h.pid() + "/cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return false;
        }
        return cmdline.contains("dev.calyx.cli.Main") && cmdline.contains(" node run");
    }

    /**
     * Stops the agent the PID file names (SIGTERM, then SIGKILL after {@code grace}) and removes the file.
     * Returns what happened, for the user.
     */
    public static Optional<String> stop(Path pidFile, Duration grace) {
        Optional<ProcessHandle> agent = running(pidFile);
        String result = null;
        if (agent.isPresent()) {
            ProcessHandle h = agent.get();
            CompletableFuture<ProcessHandle> exit = h.onExit();
            h.destroy();
            try {
                exit.get(grace.toMillis(), TimeUnit.MILLISECONDS);
                result = "stopped agent (pid " + h.pid() + ")";
            } catch (Exception e) {
                h.destroyForcibly();
                result = "killed agent (pid " + h.pid() + ") after " + grace.toSeconds() + " s without exiting";
            }
        }
        try {
            if (Files.deleteIfExists(pidFile) && result == null) {
                result = "removed stale " + pidFile;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("remove " + pidFile + ": " + e.getMessage(), e);
        }
        return Optional.ofNullable(result);
    }

    /** Polls {@code url} until it answers 200, the process dies, or {@code deadline} passes. */
    public static boolean awaitReady(String url, ProcessHandle process, Instant deadline) {
        var client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(3))
                .build();
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if (client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
