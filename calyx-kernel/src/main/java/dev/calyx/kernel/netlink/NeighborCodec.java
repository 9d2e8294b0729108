package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Optional;

/**
 * RTM_*NEIGH requests and parsers, for IP neighbours (AF_INET/AF_INET6) and FDB entries (AF_BRIDGE).
 *
 * <pre>
 *  ndmsg(family, ifindex, state, flags, type 0) | NDA_DST addr | NDA_LLADDR mac?
 * </pre>
 * A dump whose request carries exactly NTF_PROXY lists proxy entries instead of ordinary ones (neigh_dump_info).
 */
final class NeighborCodec {
    static final int NDMSG_LEN = 12;

    private NeighborCodec() {}

    static NlMessageBuilder dump(int family, boolean proxy) {
        return new NlMessageBuilder(Rtm.GETNEIGH, 0).ndmsg(family, 0, 0, proxy ? Ntf.PROXY : 0, 0);
    }

    static NlMessageBuilder neighbor(int type, int flags, Neighbor n) {
        NlMessageBuilder b = new NlMessageBuilder(type, flags)
                .ndmsg(n.family().af(), n.linkIndex(), n.state(), n.flags(), 0)
                .attrAddress(Nda.DST, n.address());
        n.mac().ifPresent(mac -> b.attr(Nda.LLADDR, mac.bytes()));
        return b;
    }

    static NlMessageBuilder fdb(int type, int flags, FdbEntry e) {
        NlMessageBuilder b = new NlMessageBuilder(type, flags)
                .ndmsg(Af.BRIDGE, e.linkIndex(), e.state(), e.flags(), 0)
                .attr(Nda.LLADDR, e.mac().bytes());
        e.destination().ifPresent(dst -> b.attrAddress(Nda.DST, dst));
        return b;
    }

    /** A Neighbor from an AF_INET/AF_INET6 RTM_NEWNEIGH; null otherwise. */
    static Neighbor parseNeighbor(NlMessage m) {
        int family = m.u8(0);
        if (!isNeigh(m) || (family != Af.INET && family != Af.INET6)) {
            return null;
        }
        NlAttributes a = m.attributes(NDMSG_LEN);
        InetAddress dst = a.address(Nda.DST);
        if (dst == null) {
            return null;
        }
        return new Neighbor(m.s32(4), dst, mac(a), m.u16(8), m.u8(10));
    }

    /** An FdbEntry from an AF_BRIDGE RTM_NEWNEIGH; null otherwise. */
    static FdbEntry parseFdb(NlMessage m) {
        if (!isNeigh(m) || m.u8(0) != Af.BRIDGE) {
            return null;
        }
        NlAttributes a = m.attributes(NDMSG_LEN);
        Optional<MacAddress> mac = mac(a);
        return mac.map(value -> new FdbEntry(m.s32(4), value, Optional.ofNullable(a.address(Nda.DST)), m.u16(8),
                m.u8(10))).orElse(null);
    }

    private static boolean isNeigh(NlMessage m) {
        return m.type() == Rtm.NEWNEIGH || m.type() == Rtm.DELNEIGH;
    }

    private static Optional<MacAddress> mac(NlAttributes a) {
        byte[] b = a.bytes(Nda.LLADDR);
        return b != null && b.length == 6 ? Optional.of(MacAddress.of(b)) : Optional.empty();
    }
}
