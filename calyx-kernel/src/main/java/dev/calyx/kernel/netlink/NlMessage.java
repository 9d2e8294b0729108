package dev.calyx.kernel.netlink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * One received netlink message: the {@code nlmsghdr} fields and a view on what follows the header (see the layout on
 * {@link NlMessageBuilder}). The view points into the socket's receive buffer: parse it before the next receive.
 */
public record NlMessage(int type, int flags, int seq, int pid, MemorySegment body) {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;

    /** Splits a datagram of {@code length} bytes into messages; a malformed length ends the walk. */
    public static List<NlMessage> split(MemorySegment buffer, long length) {
        List<NlMessage> out = new ArrayList<>();
        long p = 0;
        while (p + NlMessageBuilder.NLMSG_HDRLEN <= length) {
            int len = buffer.get(U32, p);
            if (len < NlMessageBuilder.NLMSG_HDRLEN || p + len > length) {
                break;
            }
            out.add(new NlMessage(Short.toUnsignedInt(buffer.get(U16, p + 4)),
                    Short.toUnsignedInt(buffer.get(U16, p + 6)), buffer.get(U32, p + 8), buffer.get(U32, p + 12),
                    buffer.asSlice(p + NlMessageBuilder.NLMSG_HDRLEN, len - NlMessageBuilder.NLMSG_HDRLEN)));
            p += NlMessageBuilder.align(len);
        }
        return out;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public int u8(long offset) {
        return Byte.toUnsignedInt(body.get(ValueLayout.JAVA_BYTE, offset));
    }

    public int u16(long offset) {
        return Short.toUnsignedInt(body.get(U16, offset));
    }

    public int s32(long offset) {
        return body.get(U32, offset);
    }

    /** The attributes that start after a fixed family header of {@code headerLength} bytes. */
    public NlAttributes attributes(int headerLength) {
        long start = NlMessageBuilder.align(headerLength);
        if (start >= body.byteSize()) {
            return NlAttributes.EMPTY;
        }
        return NlAttributes.parse(body.asSlice(start));
    }
}
