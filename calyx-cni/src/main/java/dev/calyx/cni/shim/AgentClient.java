package dev.calyx.cni.shim;

import dev.calyx.cni.wire.FrameIo;
import dev.calyx.cni.wire.ShimReply;
import dev.calyx.cni.wire.WireFormat;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * One request/reply exchange with the agent over its Unix socket. The two failure exceptions let
 * the shim tell "the agent never saw this" (safe to queue or retry) from "it broke mid-call".
 */
final class AgentClient {
    /** The socket could not be connected: the agent is down, restarting, or the path is wrong. */
    static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }

    private AgentClient() {
    }

    static ShimReply call(Path socket, byte[] requestBody) throws Unreachable, IOException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new Unreachable("cannot open a unix socket: " + e);
        }
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw new Unreachable("connect " + socket + ": " + describe(e));
            }
            FrameIo.write(channel, requestBody);
            channel.shutdownOutput();
            return WireFormat.decodeReply(FrameIo.read(channel));
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
