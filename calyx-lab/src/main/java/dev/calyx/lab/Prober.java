package dev.calyx.lab;

import dev.calyx.kernel.netns.Netns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a reachability matrix: from every pod to every pod's IP on one port and protocol, all cells at once.
 *
 * <p>TCP: the cell connects when the connect completes within the timeout (agnhost {@code connect} semantics). UDP:
 * when a datagram sent to the server is answered within the timeout.
 *
 * <p>Design: a client socket belongs to the namespace it was created in, so for each client pod one platform thread
 * enters its namespace and creates all of that row's sockets; the probes themselves then run on virtual threads,
 * one per cell, with no namespace switching.
 */
public final class Prober {
    private final Duration timeout;

    public Prober(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe timeout " + timeout + " must be positive");
        }
        this.timeout = timeout;
    }

    /** The matrix over {@code pods} (in matrix order) on {@code port}/{@code protocol}. */
    public Matrix probe(List<Pod> pods, int port, Protocol protocol) {
        List<PodRef> order = pods.stream().map(Pod::ref).toList();
        Map<String, Future<Boolean>> cells = new HashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Pod from : pods) {
                List<NetworkChannel> sockets = openIn(from, protocol, pods.size());
                for (int i = 0; i < pods.size(); i++) {
                    NetworkChannel socket = sockets.get(i);
                    InetSocketAddress target = new InetSocketAddress(pods.get(i).ip(), port);
                    cells.put(from.ref() + ">" + pods.get(i).ref(), pool.submit(() -> connects(socket, target)));
                }
            }
        }
        return Matrix.of(order, (from, to) -> result(cells.get(from + ">" + to)));
    }

    private static boolean result(Future<Boolean> cell) {
        try {
            return cell.get();
        } catch (ExecutionException e) {
            throw new LabException("probe failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("probe interrupted", e);
        }
    }

    private static List<NetworkChannel> openIn(Pod pod, Protocol protocol, int count) {
        try (Netns ns = Netns.open(pod.netns())) {
            return ns.run(() -> {
                List<NetworkChannel> out = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    out.add(protocol == Protocol.TCP ? SocketChannel.open() : DatagramChannel.open());
                }
                return out;
            });
        } catch (RuntimeException e) {
            throw new LabException("open probe sockets in " + pod.netns() + " (pod " + pod.ref() + "): "
                    + e.getMessage(), e);
        }
    }

    private boolean connects(NetworkChannel socket, InetSocketAddress target) throws IOException {
        try (socket) {
            int millis = Math.toIntExact(timeout.toMillis());
            if (socket instanceof SocketChannel tcp) {
                tcp.socket().connect(target, millis);
                return true;
            }
            DatagramSocket udp = ((DatagramChannel) socket).socket();
            udp.setSoTimeout(millis);
            byte[] hello = "hostname".getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(hello, hello.length, target));
            udp.receive(new DatagramPacket(new byte[2048], 2048));
            return true;
        } catch (IOException e) {
            // Timed out, refused, unreachable: all mean "does not connect", which is what the cell records.
            return false;
        }
    }
}
