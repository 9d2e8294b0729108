package dev.calyx.kernel.netlink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The attributes of one message or nest, indexed by type (flags NLA_F_NESTED/NLA_F_NET_BYTEORDER masked off). When a
 * type repeats, the last one wins, which is all rtnetlink's single-valued attributes need. Values are views into the
 * receive buffer; accessors copy them out.
 */
public final class NlAttributes {
    static final NlAttributes EMPTY = new NlAttributes(MemorySegment.NULL, new long[0], new int[0]);
    private static final int TYPE_MASK = 0x3fff;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;

    private final MemorySegment seg;
    private final long[] offsets; // value offset by type, 0 = absent (a value never starts at 0)
    private final int[] lengths;

    private NlAttributes(MemorySegment seg, long[] offsets, int[] lengths) {
        this.seg = seg;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    public static NlAttributes parse(MemorySegment seg) {
        long[] offsets = new long[64];
        int[] lengths = new int[64];
        long p = 0;
        long size = seg.byteSize();
        while (p + NlMessageBuilder.NLA_HDRLEN <= size) {
            int len = Short.toUnsignedInt(seg.get(U16, p));
            int type = Short.toUnsignedInt(seg.get(U16, p + 2)) & TYPE_MASK;
            if (len < NlMessageBuilder.NLA_HDRLEN || p + len > size) {
                break;
            }
            if (type >= offsets.length) {
                offsets = Arrays.copyOf(offsets, type + 16);
                lengths = Arrays.copyOf(lengths, type + 16);
            }
            offsets[type] = p + NlMessageBuilder.NLA_HDRLEN;
            lengths[type] = len - NlMessageBuilder.NLA_HDRLEN;
            p += NlMessageBuilder.align(len);
        }
        return new NlAttributes(seg, offsets, lengths);
    }

    public boolean has(int type) {
        return type < offsets.length && offsets[type] != 0;
    }

    public int length(int type) {
        return has(type) ? lengths[type] : -1;
    }

    public int u8(int type, int absent) {
        return has(type) ? Byte.toUnsignedInt(seg.get(ValueLayout.JAVA_BYTE, offsets[type])) : absent;
    }

    public int u16(int type, int absent) {
        return has(type) ? Short.toUnsignedInt(seg.get(U16, offsets[type])) : absent;
    }

    public int u16BigEndian(int type, int absent) {
        return has(type) ? Short.toUnsignedInt(seg.get(U16.withOrder(ByteOrder.BIG_ENDIAN), offsets[type])) : absent;
    }

    public int u32(int type, int absent) {
        return has(type) && lengths[type] >= 4 ? seg.get(U32, offsets[type]) : absent;
    }

    public byte[] bytes(int type) {
        if (!has(type)) {
            return null;
        }
        return seg.asSlice(offsets[type], lengths[type]).toArray(ValueLayout.JAVA_BYTE);
    }

    /** A string attribute without its trailing NUL; null when absent. */
    public String string(int type) {
        byte[] b = bytes(type);
        if (b == null) {
            return null;
        }
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    /** A 4- or 16-byte address attribute; null when absent or of another size. */
    public InetAddress address(int type) {
        byte[] b = bytes(type);
        if (b == null || (b.length != 4 && b.length != 16)) {
            return null;
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // unreachable: length checked above
        }
    }

    /** The attributes inside a nested attribute; empty when absent. */
    public NlAttributes nested(int type) {
        if (!has(type) || lengths[type] == 0) {
            return EMPTY;
        }
        return parse(seg.asSlice(offsets[type], lengths[type]));
    }
}
