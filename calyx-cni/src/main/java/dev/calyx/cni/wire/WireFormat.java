package dev.calyx.cni.wire;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shim ↔ agent wire format: one request frame, one reply frame, then the connection closes.
 * Binary and length-prefixed so that the shim needs no JSON library and never parses stdin.
 * All integers are big-endian; strings are UTF-8; lengths count bytes.
 *
 * <pre>
 * frame    := length:u32  body                          (length = size of body, at most MAX_BODY)
 *
 * request body:
 *  +--------+-----+------+--------+---------------------------------------+----------+---------+
 *  | magic  | ver | kind | nEnv   | nEnv x entry                          | stdinLen | stdin   |
 *  | u16    | u8  | u8=1 | u16    |  keyLen:u16 key  valueLen:u32 value   | u32      | bytes   |
 *  | 0xCA1C | 1   |      |        |                                       |          |         |
 *  +--------+-----+------+--------+---------------------------------------+----------+---------+
 *
 * reply body:
 *  +--------+-----+------+----------+--------+--------+--------+--------+
 *  | magic  | ver | kind | exitCode | outLen | stdout | errLen | stderr |
 *  | u16    | u8  | u8=2 | u8       | u32    | bytes  | u32    | bytes  |
 *  +--------+-----+------+----------+--------+--------+--------+--------+
 * </pre>
 *
 * The same request body is what a queued DEL file holds on disk ({@code DelQueue}), so the
 * version byte also protects replays across upgrades: an unknown version is rejected, not guessed.
 */
public final class WireFormat {
    public static final int MAGIC = 0xCA1C;
    public static final int VERSION = 1;
    public static final int KIND_REQUEST = 1;
    public static final int KIND_REPLY = 2;
    /** 16 MiB: far above any real conflist, low enough that a corrupt length cannot exhaust memory. */
    public static final int MAX_BODY = 16 << 20;

    private WireFormat() {
    }

    public static byte[] encodeRequest(ShimRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + request.stdin().length);
        header(out, KIND_REQUEST);
        u16(out, request.env().size(), "env count");
        for (Map.Entry<String, String> e : request.env().entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
            u16(out, key.length, "env name length");
            out.write(key, 0, key.length);
            u32(out, value.length);
            out.write(value, 0, value.length);
        }
        u32(out, request.stdin().length);
        out.write(request.stdin(), 0, request.stdin().length);
        return checkSize(out.toByteArray());
    }

    public static ShimRequest decodeRequest(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            expectHeader(in, KIND_REQUEST);
            int count = Short.toUnsignedInt(in.getShort());
            Map<String, String> env = new LinkedHashMap<String, String>();
            for (int i = 0; i < count; i++) {
                String key = new String(bytes(in, Short.toUnsignedInt(in.getShort()), "env name"), StandardCharsets.UTF_8);
                String value = new String(bytes(in, in.getInt(), "env value of " + key), StandardCharsets.UTF_8);
                env.put(key, value);
            }
            byte[] stdin = bytes(in, in.getInt(), "stdin");
            expectEnd(in);
            return new ShimRequest(env, stdin);
        } catch (BufferUnderflowException e) {
            throw new WireFormatException("request frame truncated at byte " + in.position() + " of " + body.length);
        }
    }

    public static byte[] encodeReply(ShimReply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + reply.stdout().length + reply.stderr().length);
        header(out, KIND_REPLY);
        out.write(reply.exitCode());
        u32(out, reply.stdout().length);
        out.write(reply.stdout(), 0, reply.stdout().length);
        u32(out, reply.stderr().length);
        out.write(reply.stderr(), 0, reply.stderr().length);
        return checkSize(out.toByteArray());
    }

    public static ShimReply decodeReply(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            expectHeader(in, KIND_REPLY);
            int exit = Byte.toUnsignedInt(in.get());
            byte[] stdout = bytes(in, in.getInt(), "stdout");
            byte[] stderr = bytes(in, in.getInt(), "stderr");
            expectEnd(in);
            return new ShimReply(exit, stdout, stderr);
        } catch (BufferUnderflowException e) {
            throw new WireFormatException("reply frame truncated at byte " + in.position() + " of " + body.length);
        }
    }

    private static void header(ByteArrayOutputStream out, int kind) {
        out.write(MAGIC >>> 8);
        out.write(MAGIC & 0xFF);
        out.write(VERSION);
        out.write(kind);
    }

    private static void expectHeader(ByteBuffer in, int kind) {
        int magic = Short.toUnsignedInt(in.getShort());
        if (magic != MAGIC) {
            throw new WireFormatException("frame magic 0x" + Integer.toHexString(magic) + " is not 0xca1c: not a calyx CNI frame");
        }
        int version = Byte.toUnsignedInt(in.get());
        if (version != VERSION) {
            throw new WireFormatException("frame version " + version + " unsupported (this build speaks " + VERSION + ")");
        }
        int actual = Byte.toUnsignedInt(in.get());
        if (actual != kind) {
            throw new WireFormatException("frame kind " + actual + ", expected " + kind);
        }
    }

    private static byte[] bytes(ByteBuffer in, int length, String field) {
        if (length < 0 || length > in.remaining()) {
            throw new WireFormatException(field + " length " + Integer.toUnsignedString(length)
                    + " exceeds the " + in.remaining() + " bytes left in the frame");
        }
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private static void expectEnd(ByteBuffer in) {
        if (in.hasRemaining()) {
            throw new WireFormatException(in.remaining() + " trailing bytes after the last field");
        }
    }

    private static void u16(ByteArrayOutputStream out, int value, String field) {
        if (value > 0xFFFF) {
            throw new WireFormatException(field + " " + value + " does not fit in 16 bits");
        }
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }

    private static void u32(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write((value >>> 16) & 0xFF);
        out.write((value >>> 8) & 0xFF);
        out.write(value & 0xFF);
    }

    private static byte[] checkSize(byte[] body) {
        if (body.length > MAX_BODY) {
            throw new WireFormatException("frame body of " + body.length + " bytes exceeds the " + MAX_BODY + " byte limit");
        }
        return body;
    }
}
