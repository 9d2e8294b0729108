package dev.calyx.cni.shim;

import dev.calyx.cni.wire.FrameIo;
import dev.calyx.cni.wire.ShimReply;
import dev.calyx.cni.wire.WireFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The AOT-cache training workload ({@code build-shim.sh}): exercises the shim's real paths — VERSION,
 * an ADD forwarded to a throwaway in-process agent, an ADD and a DEL with no agent (error object,
 * DEL queue) — so the socket, channel and file classes all land in the cache. Exits non-zero if any
 * path misbehaves, which makes the build fall back to no cache loudly instead of caching a broken run.
 */
public final class ShimTraining {
    private static final byte[] CONF = "{\"cniVersion\":\"1.0.0\",\"name\":\"train\",\"type\":\"calyx\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESULT = "{\"cniVersion\":\"1.0.0\",\"ips\":[]}".getBytes(StandardCharsets.UTF_8);

    private ShimTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("calyx-shim-train");
        try {
            Path socket = dir.resolve("cni.sock");
            CniShim shim = new CniShim(new ShimConfig(socket, dir.resolve("queue")));
            expect(shim, env("VERSION"), 0, "VERSION");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                Thread agent = new Thread(new OneReply(server), "calyx-train-agent");
                agent.start();
                expect(shim, env("ADD"), 0, "forwarded ADD");
                agent.join();
            }
            Files.deleteIfExists(socket);
            expect(shim, env("ADD"), 1, "ADD with the agent down");
            expect(shim, env("DEL"), 0, "DEL with the agent down");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Map<String, String> env(String command) {
        Map<String, String> env = new HashMap<String, String>();
        env.put("CNI_COMMAND", command);
        env.put("CNI_CONTAINERID", "train0123456789");
        env.put("CNI_NETNS", "/var/run/netns/calyx-train");
        env.put("CNI_IFNAME", "eth0");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=train");
        env.put("CNI_PATH", "/opt/cni/bin");
        env.put("PATH", "/usr/bin");
        return env;
    }

    private static void expect(CniShim shim, Map<String, String> env, int exit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = shim.run(env, new ByteArrayInputStream(CONF), out, new ByteArrayOutputStream());
        if (code != exit) {
            throw new IllegalStateException("training " + what + ": exit " + code + ", expected " + exit + "; stdout "
                    + out.toString(StandardCharsets.UTF_8));
        }
    }

    /** Answers exactly one request with a canned ADD result, like an agent that does no work. */
    private static final class OneReply implements Runnable {
        private final ServerSocketChannel server;

        OneReply(ServerSocketChannel server) {
            this.server = server;
        }

        @Override
        public void run() {
            try (SocketChannel client = server.accept()) {
                WireFormat.decodeRequest(FrameIo.read(client));
                FrameIo.write(client, WireFormat.encodeReply(new ShimReply(0, RESULT, new byte[0])));
            } catch (IOException e) {
                throw new IllegalStateException("training agent: " + e, e);
            }
        }
    }
}
