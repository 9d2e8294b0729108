package dev.calyx.kernel.netlink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink request: header, fixed family header, then attributes, in host byte order.
 *
 * <pre>
 *  0               4       6       8              12             16
 *  +---------------+-------+-------+---------------+---------------+
 *  | nlmsg_len     | type  | flags | nlmsg_seq     | nlmsg_pid     |   struct nlmsghdr (16 bytes)
 *  +---------------+-------+-------+---------------+---------------+
 *  | family header: ifinfomsg 16 | ifaddrmsg 8 | rtmsg 12 | ndmsg 12 |  (padded to 4)
 *  +-------+-------+-----------------------------------------------+
 *  | len   | type  | value ...                      | pad to 4     |   struct nlattr + payload, repeated
 *  +-------+-------+-----------------------------------------------+
 *
 *  ifinfomsg: family u8 | pad u8 | type u16 | index s32 | flags u32 | change u32
 *  ifaddrmsg: family u8 | prefixlen u8 | flags u8 | scope u8 | index u32
 *  rtmsg:     family | dst_len | src_len | tos | table | protocol | scope | type (u8 each) | flags u32
 *  ndmsg:     family u8 | pad u8 | pad u16 | ifindex s32 | state u16 | flags u8 | type u8
 * </pre>
 *
 * An attribute's {@code len} counts its 4-byte header and value but not the padding. A nested attribute
 * ({@link #beginNested}) sets {@code NLA_F_NESTED} (0x8000) in its type and its value is a run of attributes; its
 * length is patched in {@link #endNested}. The sequence number and port id are stamped by {@link #finish}.
 *
 * <p>Not thread safe: one builder per request.
 */
public final class NlMessageBuilder {
    public static final int NLMSG_HDRLEN = 16;
    public static final int NLA_HDRLEN = 4;
    public static final int NLA_F_NESTED = 0x8000;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort U16_BE = U16.withOrder(ByteOrder.BIG_ENDIAN);

    private byte[] bytes = new byte[256];
    private MemorySegment seg = MemorySegment.ofArray(bytes);
    private int pos;

    public NlMessageBuilder(int type, int flags) {
        pos = NLMSG_HDRLEN;
        seg.set(U16, 4, (short) type);
        seg.set(U16, 6, (short) flags);
    }

    public static int align(int len) {
        return (len + 3) & ~3;
    }

    public NlMessageBuilder ifinfomsg(int family, int type, int index, int flags, int change) {
        int p = reserve(16);
        seg.set(ValueLayout.JAVA_BYTE, p, (byte) family);
        seg.set(U16, p + 2, (short) type);
        seg.set(U32, p + 4, index);
        seg.set(U32, p + 8, flags);
        seg.set(U32, p + 12, change);
        return this;
    }

    public NlMessageBuilder ifaddrmsg(int family, int prefixLen, int flags, int scope, int index) {
        int p = reserve(8);
        bytes(p, family, prefixLen, flags, scope);
        seg.set(U32, p + 4, index);
        return this;
    }

    public NlMessageBuilder rtmsg(int family, int dstLen, int table, int protocol, int scope, int type, int flags) {
        int p = reserve(12);
        bytes(p, family, dstLen, 0, 0, table, protocol, scope, type);
        seg.set(U32, p + 8, flags);
        return this;
    }

    public NlMessageBuilder ndmsg(int family, int ifindex, int state, int flags, int type) {
        int p = reserve(12);
        seg.set(ValueLayout.JAVA_BYTE, p, (byte) family);
        seg.set(U32, p + 4, ifindex);
        seg.set(U16, p + 8, (short) state);
        bytes(p + 10, flags, type);
        return this;
    }

    public NlMessageBuilder attr(int type, byte[] value) {
        int p = attrHeader(type, value.length);
        MemorySegment.copy(value, 0, seg, ValueLayout.JAVA_BYTE, p + NLA_HDRLEN, value.length);
        return this;
    }

    public NlMessageBuilder attrU8(int type, int value) {
        int p = attrHeader(type, 1);
        seg.set(ValueLayout.JAVA_BYTE, p + NLA_HDRLEN, (byte) value);
        return this;
    }

    public NlMessageBuilder attrU16(int type, int value) {
        int p = attrHeader(type, 2);
        seg.set(U16, p + NLA_HDRLEN, (short) value);
        return this;
    }

    /** A {@code __be16} value such as IFLA_VXLAN_PORT. */
    public NlMessageBuilder attrU16BigEndian(int type, int value) {
        int p = attrHeader(type, 2);
        seg.set(U16_BE, p + NLA_HDRLEN, (short) value);
        return this;
    }

    public NlMessageBuilder attrU32(int type, int value) {
        int p = attrHeader(type, 4);
        seg.set(U32, p + NLA_HDRLEN, value);
        return this;
    }

    /** A NUL-terminated string (NLA_NUL_STRING / NLA_STRING both accept the NUL). */
    public NlMessageBuilder attrString(int type, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return attr(type, Arrays.copyOf(utf8, utf8.length + 1));
    }

    /** An IPv4 (4 bytes) or IPv6 (16 bytes) address in network order. */
    public NlMessageBuilder attrAddress(int type, InetAddress address) {
        return attr(type, address.getAddress());
    }

    /** Opens a nested attribute; pass the returned token to {@link #endNested(int)}. */
    public int beginNested(int type) {
        return attrHeader(type | NLA_F_NESTED, 0);
    }

    public NlMessageBuilder endNested(int token) {
        seg.set(U16, token, (short) (pos - token));
        return this;
    }

    /** Stamps length, sequence number and port id; returns the finished message (a view, valid until reuse). */
    public MemorySegment finish(int seq, int portId) {
        seg.set(U32, 0, pos);
        seg.set(U32, 8, seq);
        seg.set(U32, 12, portId);
        return seg.asSlice(0, pos);
    }

    public int type() {
        return Short.toUnsignedInt(seg.get(U16, 4));
    }

    public int flags() {
        return Short.toUnsignedInt(seg.get(U16, 6));
    }

    private int attrHeader(int type, int valueLength) {
        int p = reserve(NLA_HDRLEN + valueLength);
        seg.set(U16, p, (short) (NLA_HDRLEN + valueLength));
        seg.set(U16, p + 2, (short) type);
        return p;
    }

    /** Reserves {@code len} bytes (plus padding to 4) at the end and returns their offset; new bytes are zero. */
    private int reserve(int len) {
        int start = pos;
        int end = start + align(len);
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
            seg = MemorySegment.ofArray(bytes);
        }
        pos = end;
        return start;
    }

    private void bytes(int offset, int... values) {
        for (int i = 0; i < values.length; i++) {
            seg.set(ValueLayout.JAVA_BYTE, offset + i, (byte) values[i]);
        }
    }
}
