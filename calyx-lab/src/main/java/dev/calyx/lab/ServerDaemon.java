package dev.calyx.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detached process that keeps every pod's servers open after {@code calyx lab up} returns.
 *
 * <p>Started with {@code setsid} so that it leaves the caller's session and survives its terminal; it writes a ready
 * file once every socket is bound, which {@link #start} waits for. It is stopped only by its recorded PID, and only
 * if that PID still runs a command carrying this lab's marker argument (a recycled PID is left alone).
 */
public final class ServerDaemon {
    public static final String READY_FILE = "serve.ready";
    public static final String LOG_FILE = "serve.log";

    private ServerDaemon() {}

    /**
     * Starts {@code command} (the calyx CLI's {@code lab serve ...}) detached, logging to the state directory, and
     * waits up to {@code wait} for it to report ready; returns its PID.
     */
    public static long start(List<String> command, Path stateDir, Duration wait) {
        Path ready = stateDir.resolve(READY_FILE);
        try {
            Files.createDirectories(stateDir);
            Files.deleteIfExists(ready);
            List<String> detached = new ArrayList<>(List.of("setsid"));
            detached.addAll(command);
            Process p = new ProcessBuilder(detached).redirectErrorStream(true)
                    .redirectOutput(stateDir.resolve(LOG_FILE).toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            long deadline = System.nanoTime() + wait.toNanos();
            while (!Files.exists(ready)) {
                if (!p.isAlive()) {
                    throw new LabException("lab server daemon exited with status " + p.exitValue() + ": see "
                            + stateDir.resolve(LOG_FILE));
                }
                if (System.nanoTime() > deadline) {
                    p.destroy();
                    throw new LabException("lab server daemon not ready after " + wait + ": see "
                            + stateDir.resolve(LOG_FILE));
                }
                Thread.sleep(50);
            }
            return p.pid();
        } catch (IOException e) {
            throw new LabException("start lab server daemon " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while starting the lab server daemon", e);
        }
    }

    /** Tells {@link #start} that every socket is bound. */
    public static void signalReady(Path stateDir) {
        try {
            Files.writeString(stateDir.resolve(READY_FILE), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new LabException("write " + stateDir.resolve(READY_FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the daemon {@code pid} if it is still ours (its command line contains {@code marker}); waits for it to
     * exit so its sockets, and the namespaces they pin, are released. Returns whether a process was stopped.
     */
    public static boolean stop(long pid, String marker) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !commandLine(pid).contains(marker + " ")) {
            return false;
        }
        ProcessHandle h = handle.get();
        h.destroy();
        try {
            h.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
            h.onExit().join();
        }
        return true;
    }

    /**
     * Daemons of this lab whose PID was lost (state file removed by hand, crash between start and save): every
     * process whose command line is {@code ... lab serve ...} with this lab's {@code marker}.
     */
    public static List<Long> orphans(String marker) {
        List<Long> out = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String cmd = commandLine(p.pid());
            if (cmd.contains(" lab serve ") && cmd.contains(marker + " ") && p.pid() != ProcessHandle.current().pid()) {
                out.add(p.pid());
            }
        });
        return out;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
