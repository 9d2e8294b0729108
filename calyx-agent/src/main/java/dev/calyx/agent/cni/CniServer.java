package dev.calyx.agent.cni;

import dev.calyx.cni.wire.CniError;
import dev.calyx.cni.wire.FrameIo;
import dev.calyx.cni.wire.ShimReply;
import dev.calyx.cni.wire.WireFormat;
import dev.calyx.cni.wire.WireFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The agent's CNI endpoint: a Unix socket the shim connects to once per invocation.
 *
 * <p>Design: one accept thread; each connection gets a virtual thread that reads one request frame,
 * runs the {@link CniDispatcher} and writes one reply frame. No network-namespace work happens on
 * these threads (setns is per thread; the dataplane owns its own). Access control is the file system:
 * the socket is mode 0600 inside a 0700 directory, so only root reaches it.
 *
 * <p>Lifecycle: {@link #start} replaces a stale socket file left by a crashed agent but refuses to
 * steal a socket another live agent still answers on. {@link #close} stops accepting, lets in-flight
 * requests finish (bounded wait) and removes the socket file.
 */
public final class CniServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CniServer.class.getName());
    private final Path socket;
    private final ServerSocketChannel server;
    private final CniDispatcher dispatcher;
    private final ExecutorService connections = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("calyx-cni-conn-", 0).factory());
    private final Thread acceptor;
    private volatile boolean closing;

    private CniServer(Path socket, ServerSocketChannel server, CniDispatcher dispatcher) {
        this.socket = socket;
        this.server = server;
        this.dispatcher = dispatcher;
        this.acceptor = Thread.ofPlatform().daemon().name("calyx-cni-accept").unstarted(this::acceptLoop);
    }

    public static CniServer start(Path socket, CniDispatcher dispatcher) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        removeStaleSocket(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            server.close();
            throw new IOException("bind CNI socket " + socket + ": " + e.getMessage(), e);
        }
        CniServer s = new CniServer(socket, server, dispatcher);
        s.acceptor.start();
        return s;
    }

    public Path socket() {
        return socket;
    }

    private static void removeStaleSocket(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("CNI socket path " + socket + " exists and is not a socket; refusing to remove it");
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            throw new IOException("CNI socket " + socket + " is served by another live process (another agent running?)");
        } catch (IOException refused) {
            if (refused.getMessage() != null && refused.getMessage().contains("another live process")) {
                throw refused;
            }
            Files.deleteIfExists(socket); // nobody listens: left over by a crashed agent
        }
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                SocketChannel client = server.accept();
                connections.execute(() -> serve(client));
            } catch (AsynchronousCloseException e) {
                return;
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                if (!closing) {
                    LOG.log(System.Logger.Level.WARNING, "accept on " + socket + " failed", e);
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            ShimReply reply;
            try {
                reply = dispatcher.dispatch(WireFormat.decodeRequest(FrameIo.read(client)));
            } catch (WireFormatException e) {
                reply = new ShimReply(1, new CniError(CniError.DECODING_FAILURE,
                        "calyx node agent could not decode the shim's request (shim/agent version skew?)", e.getMessage()).toJson(""), null);
            }
            FrameIo.write(client, WireFormat.encodeReply(reply));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "CNI connection on " + socket + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            server.close();
            acceptor.join(5_000);
            connections.shutdown();
            if (!connections.awaitTermination(30, TimeUnit.SECONDS)) {
                connections.shutdownNow();
            }
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("close CNI socket " + socket, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
