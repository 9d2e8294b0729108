package dev.calyx.lab;

import dev.calyx.kernel.netns.Netns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers of every pod, agnhost {@code serve-hostname} style: on each container port, TCP accepts and writes
 * the pod's name ({@code x/a}) then closes; UDP answers any datagram with the pod's name.
 *
 * <p>Design: one process serves all pods. Each socket is created on a platform thread switched into the pod's
 * namespace ({@link Netns#run}); a socket stays in the namespace it was created in, so it is then served from an
 * ordinary virtual thread. No per-pod process, no netns switching on the hot path.
 *
 * <p>Thread safety: {@link #start} and {@link #close} from one owner; the serving threads only touch their socket.
 */
public final class PodServers implements AutoCloseable {
    private final List<Channel> channels = new ArrayList<>();

    private PodServers() {}

    /** Opens and serves every container port of every pod; on failure closes what it opened. */
    public static PodServers start(List<Pod> pods, List<PodSpec> specs) {
        PodServers servers = new PodServers();
        try {
            for (Pod pod : pods) {
                PodSpec spec = specs.stream().filter(s -> s.ref().equals(pod.ref())).findFirst()
                        .orElseThrow(() -> new LabException("no spec for pod " + pod.ref()));
                servers.serve(pod, spec.ports());
            }
            return servers;
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    private void serve(Pod pod, List<ContainerPort> ports) {
        byte[] reply = pod.ref().toString().getBytes(StandardCharsets.UTF_8);
        try (Netns ns = Netns.open(pod.netns())) {
            for (ContainerPort port : ports) {
                Channel channel = ns.run(() -> open(port));
                channels.add(channel);
                String name = "lab-serve-" + pod.ref() + "-" + port.port() + "/" + port.protocol();
                if (channel instanceof ServerSocketChannel tcp) {
                    Thread.ofVirtual().name(name).start(() -> acceptLoop(tcp, reply));
                } else {
                    Thread.ofVirtual().name(name).start(() -> answerLoop((DatagramChannel) channel, reply));
                }
            }
        } catch (RuntimeException e) {
            throw new LabException("serve pod " + pod.ref() + " in " + pod.netns() + ": " + e.getMessage(), e);
        }
    }

    private static Channel open(ContainerPort port) throws IOException {
        InetSocketAddress any = new InetSocketAddress(port.port());
        if (port.protocol() == Protocol.TCP) {
            ServerSocketChannel s = ServerSocketChannel.open();
            s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            return s.bind(any, 256);
        }
        return DatagramChannel.open().bind(any);
    }

    private static void acceptLoop(ServerSocketChannel server, byte[] reply) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                client.write(ByteBuffer.wrap(reply));
            } catch (IOException e) {
                // A client that went away is not the server's problem; a closed server ends the loop.
            }
        }
    }

    private static void answerLoop(DatagramChannel socket, byte[] reply) {
        ByteBuffer in = ByteBuffer.allocate(2048);
        while (socket.isOpen()) {
            try {
                in.clear();
                SocketAddress from = socket.receive(in);
                socket.send(ByteBuffer.wrap(reply), from);
            } catch (IOException e) {
                // As above: the loop ends when the socket is closed.
            }
        }
    }

    public int socketCount() {
        return channels.size();
    }

    @Override
    public void close() {
        for (Channel c : channels) {
            try {
                c.close();
            } catch (IOException e) {
                // Closing is best effort; the namespace goes away with the lab anyway.
            }
        }
        channels.clear();
    }
}
