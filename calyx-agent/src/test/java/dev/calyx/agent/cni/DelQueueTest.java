package dev.calyx.agent.cni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.cni.wire.ShimRequest;
import dev.calyx.cni.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelQueueTest {
    @TempDir
    Path dir;

    static byte[] del(String cid) {
        return WireFormat.encodeRequest(new ShimRequest(Map.of("CNI_COMMAND", "DEL", "CNI_CONTAINERID", cid,
                "CNI_IFNAME", "eth0", "CNI_PATH", "/p"),
                "{\"cniVersion\":\"1.0.0\",\"name\":\"n\",\"type\":\"calyx\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void replaysInArrivalOrderKeepsFailuresAndSetsAsideGarbage() throws Exception {
        Files.write(dir.resolve("del-2-1-b-eth0.req"), del("b"));
        Files.write(dir.resolve("del-1-1-a-eth0.req"), del("a"));
        Files.write(dir.resolve("del-3-1-c-eth0.req"), "garbage".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("del-4-1-d-eth0.req"), WireFormat.encodeRequest(new ShimRequest(Map.of("CNI_COMMAND", "ADD"), new byte[0])));
        Files.write(dir.resolve(".del-5-1-e-eth0.tmp"), del("e")); // half-written by a shim: not ours yet
        StubHandler handler = new StubHandler();
        handler.failWith = new CniException(11, "datastore down");

        DelQueue queue = new DelQueue(dir);
        DelQueue.Report failing = queue.replay(new CniDispatcher(handler));
        assertThat(failing.replayed()).isZero();
        assertThat(failing.failed()).containsExactly("del-1-1-a-eth0.req", "del-2-1-b-eth0.req");
        assertThat(failing.rejected()).containsExactly("del-3-1-c-eth0.req", "del-4-1-d-eth0.req");
        assertThat(dir.resolve("del-3-1-c-eth0.req.bad")).exists();

        handler.failWith = null;
        handler.calls.clear();
        assertThat(queue.replay(new CniDispatcher(handler)).replayed()).isEqualTo(2);
        assertThat(handler.calls).extracting(CniRequest::containerId).containsExactly("a", "b");
        assertThat(queue.pending()).isEmpty();
        assertThat(new DelQueue(dir.resolve("missing")).replay(new CniDispatcher(handler)).replayed()).isZero();
    }
}
