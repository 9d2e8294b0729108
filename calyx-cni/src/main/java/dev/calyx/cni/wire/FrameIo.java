package dev.calyx.cni.wire;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** Writes and reads one length-prefixed frame (see {@link WireFormat}) on a blocking channel. */
public final class FrameIo {
    private FrameIo() {
    }

    public static void write(WritableByteChannel channel, byte[] body) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(4 + body.length);
        frame.putInt(body.length).put(body).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    /** Reads one frame body; EOFException if the peer closes before a whole frame arrived. */
    public static byte[] read(ReadableByteChannel channel) throws IOException {
        ByteBuffer header = fill(channel, ByteBuffer.allocate(4), "frame length");
        int length = header.getInt(0);
        if (length < 0 || length > WireFormat.MAX_BODY) {
            throw new WireFormatException("frame length " + Integer.toUnsignedString(length)
                    + " exceeds the " + WireFormat.MAX_BODY + " byte limit");
        }
        return fill(channel, ByteBuffer.allocate(length), "frame body").array();
    }

    private static ByteBuffer fill(ReadableByteChannel channel, ByteBuffer buffer, String what) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("connection closed after " + buffer.position() + " of "
                        + buffer.capacity() + " bytes of the " + what);
            }
        }
        return buffer;
    }
}
