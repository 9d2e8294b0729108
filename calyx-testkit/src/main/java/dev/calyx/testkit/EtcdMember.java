package dev.calyx.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One etcd process of an {@link EtcdCluster}: its command line, data directory, log file and process handle.
 * Restarts reuse the data directory, so etcd ignores {@code --initial-cluster-state new} and rejoins as itself.
 */
final class EtcdMember {
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);

    private final String name;
    private final MemberPorts ports;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> command;
    private Process process;

    EtcdMember(String name, MemberPorts ports, Path root, String initialCluster, String token, Duration heartbeat,
               Duration electionTimeout) {
        this.name = name;
        this.ports = ports;
        this.dataDir = root.resolve(name + ".etcd");
        this.logFile = root.resolve(name + ".log");
        this.command = List.of(EtcdCluster.ETCD_BINARY.toString(),
                "--name", name,
                "--data-dir", dataDir.toString(),
                "--listen-client-urls", ports.clientUrl(),
                "--advertise-client-urls", ports.clientUrl(),
                "--listen-peer-urls", ports.peerUrl(),
                "--initial-advertise-peer-urls", ports.peerUrl(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", "new",
                "--initial-cluster-token", token,
                "--heartbeat-interval", Long.toString(heartbeat.toMillis()),
                "--election-timeout", Long.toString(electionTimeout.toMillis()),
                "--logger", "zap",
                "--log-level", "error",
                "--log-outputs", "stderr");
    }

    String name() {
        return name;
    }

    MemberPorts ports() {
        return ports;
    }

    Path logFile() {
        return logFile;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the process without waiting; output appends to the log so restarts keep earlier runs' lines. */
    synchronized void spawn() {
        if (isRunning()) {
            throw new IllegalStateException("etcd member " + name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.writeString(logFile, "=== calyx-testkit: " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("start etcd member " + name + ": " + e.getMessage(), e);
        }
    }

    void launch(Duration timeout) {
        spawn();
        awaitListening(timeout);
    }

    /** Waits until the client port accepts TCP connections; fails early, with the log, if the process died. */
    void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            requireAlive("listen on " + ports.clientUrl());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(MemberPorts.HOST, ports.client()), 200);
                return;
            } catch (IOException notYet) {
                pauseOrFail(deadline, timeout, "listen on " + ports.clientUrl());
            }
        }
    }

    /** Waits until {@code GET /health} says true: the member has a leader and serves linearizable reads. */
    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create(ports.clientUrl() + "/health");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (true) {
                requireAlive("become healthy");
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"health\":\"true\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not answering yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for etcd member " + name, e);
                }
                pauseOrFail(deadline, timeout, "become healthy at " + health);
            }
        }
    }

    void stop() {
        Process p = current();
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void kill() {
        Process p = current();
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.err.println("calyx-testkit: stop etcd member " + name + ": " + e);
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ": " + e.getMessage() + ")";
        }
    }

    private synchronized Process current() {
        return process != null && process.isAlive() ? process : null;
    }

    private void requireAlive(String goal) {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null || !p.isAlive()) {
            String exit = p == null ? "never started" : "exited with status " + p.exitValue();
            throw new IllegalStateException("etcd member " + name + " did not " + goal + ": " + exit + "; log "
                    + logFile + " ends with:" + System.lineSeparator() + logTail(20));
        }
    }

    private void pauseOrFail(long deadline, Duration timeout, String goal) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("etcd member " + name + " did not " + goal + " within "
                    + timeout.toSeconds() + "s; log " + logFile + " ends with:" + System.lineSeparator()
                    + logTail(20));
        }
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for etcd member " + name + " to " + goal, e);
        }
    }
}
