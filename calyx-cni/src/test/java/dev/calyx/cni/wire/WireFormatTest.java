package dev.calyx.cni.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private static ShimRequest sample() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CNI_COMMAND", "ADD");
        env.put("CNI_ARGS", "IgnoreUnknown=1;K8S_POD_NAME=p=q;ünï=cödé");
        env.put("CNI_NETNS", "");
        return new ShimRequest(env, "{\"cniVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void requestRoundTripsKeepingOrderEmptyValuesAndUtf8() {
        ShimRequest decoded = WireFormat.decodeRequest(WireFormat.encodeRequest(sample()));
        assertThat(decoded.env()).containsExactlyEntriesOf(sample().env());
        assertThat(decoded.stdin()).isEqualTo(sample().stdin());
        assertThat(decoded.get("CNI_IFNAME")).isEmpty();
    }

    @Test
    void replyRoundTrips() {
        ShimReply reply = new ShimReply(1, "{\"code\":7}".getBytes(StandardCharsets.UTF_8), "warn\n".getBytes(StandardCharsets.UTF_8));
        ShimReply decoded = WireFormat.decodeReply(WireFormat.encodeReply(reply));
        assertThat(decoded.exitCode()).isEqualTo(1);
        assertThat(decoded.stdout()).isEqualTo(reply.stdout());
        assertThat(decoded.stderr()).isEqualTo(reply.stderr());
    }

    @Test
    void truncatedForeignAndMixedUpFramesAreRejectedWithTheFieldNamed() {
        byte[] body = WireFormat.encodeRequest(sample());
        assertThatThrownBy(() -> WireFormat.decodeRequest(Arrays.copyOf(body, body.length - 3)))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("stdin length");
        assertThatThrownBy(() -> WireFormat.decodeRequest(Arrays.copyOf(body, 7)))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> WireFormat.decodeRequest("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> WireFormat.decodeReply(body))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("kind 1, expected 2");
        byte[] longer = Arrays.copyOf(body, body.length + 1);
        assertThatThrownBy(() -> WireFormat.decodeRequest(longer)).hasMessageContaining("trailing");
    }

    @Test
    void framesTravelOverChannelsAndEofIsReported() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] body = WireFormat.encodeRequest(sample());
        FrameIo.write(Channels.newChannel(wire), body);
        byte[] framed = wire.toByteArray();
        assertThat(FrameIo.read(Channels.newChannel(new java.io.ByteArrayInputStream(framed)))).isEqualTo(body);
        assertThatThrownBy(() -> FrameIo.read(Channels.newChannel(new java.io.ByteArrayInputStream(Arrays.copyOf(framed, 10)))))
                .isInstanceOf(EOFException.class).hasMessageContaining("frame body");
        byte[] huge = {0x7f, 0, 0, 0};
        assertThatThrownBy(() -> FrameIo.read(Channels.newChannel(new java.io.ByteArrayInputStream(huge))))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("limit");
    }
}
