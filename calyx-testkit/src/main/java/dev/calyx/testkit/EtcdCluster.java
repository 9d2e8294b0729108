package dev.calyx.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A throwaway etcd cluster of real {@code /usr/bin/etcd} processes on free loopback ports, for tests and benchmarks.
 *
 * <h2>Design</h2>
 * Every member listens on 127.0.0.1 only, on ports the kernel handed out (never 2379/2380, which a host's own etcd
 * may hold), with its data directory and log file under one temp directory. Elections are tuned fast but not
 * razor-thin ({@link Builder#heartbeat}), because the test machine has two shared cores and a starved member that
 * misses heartbeats makes the whole cluster flap. Logs are kept (zap, errors only) so a failing test can show why a
 * member died: {@link #logTail}.
 *
 * <p>Lifecycle: {@link #start} launches every member and waits until all report healthy. Members can then be
 * {@link #stop stopped} (SIGTERM), {@link #kill killed} (SIGKILL) and {@link #startMember started} again on the same
 * data directory and ports. {@link #close} stops every process this object started and deletes the directory; a
 * shutdown hook does the same if the JVM exits first, so an aborted test run leaves no etcd behind.
 *
 * <h2>Thread safety</h2>
 * Meant to be driven from one test thread; the shutdown hook only races with {@link #close}, both idempotent.
 */
public final class EtcdCluster implements AutoCloseable {
    public static final Path ETCD_BINARY = Path.of("/usr/bin/etcd");

    private final Path root;
    private final List<EtcdMember> members;
    private final Thread shutdownHook;
    private final Duration startTimeout;
    private final EtcdTlsFiles tls;
    private final HttpClient health;
    private boolean closed;

    private EtcdCluster(Builder b) throws IOException {
        this.root = Files.createTempDirectory("calyx-etcd-");
        this.startTimeout = b.startTimeout;
        try {
            this.tls = b.tls ? EtcdTlsFiles.generate(root.resolve("tls")) : null;
        } catch (RuntimeException e) {
            TempDirs.deleteRecursively(root);
            throw e;
        }
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        this.health = (tls == null ? http : http.sslContext(tls.clientContext())).build();
        List<MemberPorts> ports = IntStream.range(0, b.members).mapToObj(i -> MemberPorts.allocate(b.tls)).toList();
        String token = "calyx-test-" + UUID.randomUUID().toString().substring(0, 8);
        String initialCluster = IntStream.range(0, b.members)
                .mapToObj(i -> memberName(i) + "=" + ports.get(i).peerUrl())
                .collect(Collectors.joining(","));
        List<EtcdMember> list = new ArrayList<>();
        for (int i = 0; i < b.members; i++) {
            list.add(new EtcdMember(memberName(i), ports.get(i), root, initialCluster, token, b.heartbeat,
                    b.electionTimeout, tls));
        }
        this.members = List.copyOf(list);
        this.shutdownHook = new Thread(this::destroyQuietly, "calyx-etcd-cluster-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A healthy single-member cluster with default settings. */
    public static EtcdCluster start() {
        return builder().start();
    }

    /** A healthy cluster of {@code members} members with default settings. */
    public static EtcdCluster start(int members) {
        return builder().members(members).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The CA, server and client certificate files when built with {@link Builder#tls()}: clients must present
     * {@link EtcdTlsFiles#clientCert()} and {@link EtcdTlsFiles#clientKey()} and trust {@link EtcdTlsFiles#ca()}.
     */
    public Optional<EtcdTlsFiles> tlsFiles() {
        return Optional.ofNullable(tls);
    }

    /** Client URLs of every member (running or not), in member order: {@code http://127.0.0.1:PORT}. */
    public List<String> endpoints() {
        return members.stream().map(m -> m.ports().clientUrl()).toList();
    }

    public String endpoint(int member) {
        return member(member).ports().clientUrl();
    }

    /** The datastore spec naming this cluster: {@code etcd:http://127.0.0.1:P1,http://127.0.0.1:P2}. */
    public String datastoreSpec() {
        return "etcd:" + String.join(",", endpoints());
    }

    public int size() {
        return members.size();
    }

    /** Root temp directory holding every member's data directory and log. */
    public Path directory() {
        return root;
    }

    public Path logFile(int member) {
        return member(member).logFile();
    }

    /** The last {@code lines} lines of a member's log, for assertion messages. */
    public String logTail(int member, int lines) {
        return member(member).logTail(lines);
    }

    public boolean isRunning(int member) {
        return member(member).isRunning();
    }

    /** Stops a member with SIGTERM and waits for it to exit (SIGKILL after 10 s). */
    public void stop(int member) {
        member(member).stop();
    }

    /** Kills a member with SIGKILL, as a crash would, and waits for it to exit. */
    public void kill(int member) {
        member(member).kill();
    }

    /**
     * Starts a stopped member again on its data directory and ports, and waits until its client port accepts
     * connections. It may not be healthy yet (a lone member of three has no quorum): see {@link #awaitHealthy}.
     */
    public void startMember(int member) {
        member(member).launch(startTimeout);
    }

    /** Waits until every running member reports {@code /health} true (it has a leader and answers reads). */
    public void awaitHealthy() {
        for (EtcdMember m : members) {
            if (m.isRunning()) {
                m.awaitHealthy(startTimeout, health);
            }
        }
    }

    /** Stops every member this cluster started and deletes its directory. Idempotent. */
    @Override
    public void close() {
        destroyQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
    }

    private synchronized void destroyQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        members.forEach(EtcdMember::stopQuietly);
        health.close();
        TempDirs.deleteRecursively(root);
    }

    private void launchAll() {
        try {
            members.forEach(m -> m.spawn());
            for (EtcdMember m : members) {
                m.awaitListening(startTimeout);
            }
            awaitHealthy();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private EtcdMember member(int i) {
        if (i < 0 || i >= members.size()) {
            throw new IndexOutOfBoundsException("etcd member " + i + " (cluster has " + members.size() + ")");
        }
        return members.get(i);
    }

    private static String memberName(int i) {
        return "m" + i;
    }

    /** Cluster settings; {@link #start} launches it and waits until healthy. */
    public static final class Builder {
        private int members = 1;
        private Duration heartbeat = Duration.ofMillis(25);
        private Duration electionTimeout = Duration.ofMillis(250);
        private Duration startTimeout = Duration.ofSeconds(30);
        private boolean tls;

        private Builder() {}

        /**
         * Serve clients over TLS with client-certificate authentication, from a throwaway PKI made with openssl
         * ({@link EtcdCluster#tlsFiles()}); endpoints become {@code https://127.0.0.1:PORT}.
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        public Builder members(int n) {
            if (n < 1 || n > 7) {
                throw new IllegalArgumentException("etcd cluster members: " + n + " (expected 1..7)");
            }
            this.members = n;
            return this;
        }

        /** Raft heartbeat interval and election timeout (etcd wants election ≥ 5 × heartbeat). */
        public Builder heartbeat(Duration heartbeatInterval, Duration election) {
            if (election.compareTo(heartbeatInterval.multipliedBy(5)) < 0) {
                throw new IllegalArgumentException("etcd election timeout " + election.toMillis()
                        + "ms must be at least 5 x heartbeat " + heartbeatInterval.toMillis() + "ms");
            }
            this.heartbeat = heartbeatInterval;
            this.electionTimeout = election;
            return this;
        }

        /** How long a member may take to listen and become healthy before start fails. */
        public Builder startTimeout(Duration t) {
            this.startTimeout = t;
            return this;
        }

        /**
         * Launches the members and waits until all are healthy. A port taken by someone else between our probe
         * and etcd's bind ("address already in use") gets a fresh set of ports, up to three times.
         */
        public EtcdCluster start() {
            if (!Files.isExecutable(ETCD_BINARY)) {
                throw new IllegalStateException(ETCD_BINARY + " not found or not executable: install Debian's "
                        + "etcd-server package (apt-get install etcd-server)");
            }
            for (int attempt = 1; ; attempt++) {
                EtcdCluster cluster;
                try {
                    cluster = new EtcdCluster(this);
                } catch (IOException e) {
                    throw new UncheckedIOException("create etcd cluster temp directory: " + e.getMessage(), e);
                }
                try {
                    cluster.launchAll();
                    return cluster;
                } catch (IllegalStateException e) {
                    if (attempt >= 3 || e.getMessage() == null
                            || !e.getMessage().contains("address already in use")) {
                        throw e;
                    }
                }
            }
        }
    }
}
