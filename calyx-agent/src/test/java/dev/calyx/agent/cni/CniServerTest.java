package dev.calyx.agent.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.cni.wire.FrameIo;
import dev.calyx.cni.wire.ShimReply;
import dev.calyx.cni.wire.ShimRequest;
import dev.calyx.cni.wire.WireFormat;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CniServerTest {
    @TempDir
    Path tmp;

    static ShimReply call(Path socket, ShimRequest request) throws Exception {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            FrameIo.write(ch, WireFormat.encodeRequest(request));
            return WireFormat.decodeReply(FrameIo.read(ch));
        }
    }

    @Test
    void socketIsRootOnlyAndRemovedOnClose() throws Exception {
        Path socket = tmp.resolve("run/calyx/cni.sock");
        try (CniServer server = CniServer.start(socket, new CniDispatcher(new StubHandler()))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
            ShimReply reply = call(socket, new ShimRequest(Map.of("CNI_COMMAND", "VERSION"), new byte[0]));
            assertThat(new String(reply.stdout(), StandardCharsets.UTF_8)).contains("supportedVersions");
        }
        assertThat(socket).doesNotExist();
    }

    @Test
    void staleSocketIsReplacedButALiveOneIsNotStolen() throws Exception {
        Path socket = tmp.resolve("cni.sock");
        ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        other.bind(UnixDomainSocketAddress.of(socket));
        assertThatThrownBy(() -> CniServer.start(socket, new CniDispatcher(new StubHandler())))
                .hasMessageContaining("another live process");
        other.close(); // the file stays behind, like after a crash
        assertThat(socket).exists();
        try (CniServer server = CniServer.start(socket, new CniDispatcher(new StubHandler()))) {
            assertThat(call(socket, new ShimRequest(Map.of("CNI_COMMAND", "VERSION"), new byte[0])).exitCode()).isZero();
        }
        Files.writeString(socket, "not a socket");
        assertThatThrownBy(() -> CniServer.start(socket, new CniDispatcher(new StubHandler()))).hasMessageContaining("not a socket");
    }

    @Test
    void concurrentConnectionsAreServedIndependently() throws Exception {
        StubHandler handler = new StubHandler();
        Path socket = tmp.resolve("cni.sock");
        byte[] conf = "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"calyx\"}".getBytes(StandardCharsets.UTF_8);
        try (CniServer server = CniServer.start(socket, new CniDispatcher(handler))) {
            var replies = IntStream.range(0, 16).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    return call(socket, new ShimRequest(Map.of("CNI_COMMAND", "ADD", "CNI_CONTAINERID", "c" + i,
                            "CNI_NETNS", "/n", "CNI_IFNAME", "eth0", "CNI_PATH", "/p"), conf));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).toList();
            for (var r : replies) {
                assertThat(r.get(30, TimeUnit.SECONDS).exitCode()).isZero();
            }
        }
        assertThat(handler.calls("ADD")).extracting(CniRequest::containerId).hasSize(16).doesNotHaveDuplicates();
    }

    @Test
    void garbageOnTheSocketGetsADecodingErrorNotACrash() throws Exception {
        Path socket = tmp.resolve("cni.sock");
        try (CniServer server = CniServer.start(socket, new CniDispatcher(new StubHandler()));
             SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            FrameIo.write(ch, "hello".getBytes(StandardCharsets.UTF_8));
            ShimReply reply = WireFormat.decodeReply(FrameIo.read(ch));
            assertThat(reply.exitCode()).isEqualTo(1);
            assertThat(new String(reply.stdout(), StandardCharsets.UTF_8)).contains("\"code\":6");
        }
    }
}
