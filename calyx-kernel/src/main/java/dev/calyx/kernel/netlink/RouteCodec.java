package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Optional;

/**
 * RTM_*ROUTE requests and the RTM_NEWROUTE parser.
 *
 * <pre>
 *  rtmsg(family, dst_len, table or RT_TABLE_UNSPEC, protocol, scope, type, flags)
 *  | RTA_TABLE u32 | RTA_DST? | RTA_GATEWAY? | RTA_OIF? u32 | RTA_PRIORITY? u32 | RTA_PREFSRC?
 * </pre>
 * Deletes send scope RT_SCOPE_NOWHERE and protocol 0, the kernel's wildcards, like {@code ip route del}: a route is
 * deleted by what identifies it (destination, table, gateway/device, metric), not by how it was added.
 */
final class RouteCodec {
    static final int RTMSG_LEN = 12;

    private RouteCodec() {}

    static NlMessageBuilder dump(IpFamily family) {
        return new NlMessageBuilder(Rtm.GETROUTE, 0).rtmsg(family.af(), 0, 0, 0, 0, 0, 0);
    }

    static NlMessageBuilder add(Route r, boolean replace) {
        int flags = Nlm.F_CREATE | (replace ? Nlm.F_REPLACE : Nlm.F_EXCL);
        return request(Rtm.NEWROUTE, flags, r, r.scope(), r.protocol());
    }

    static NlMessageBuilder delete(Route r) {
        return request(Rtm.DELROUTE, 0, r, RtScope.NOWHERE, 0);
    }

    private static NlMessageBuilder request(int type, int flags, Route r, int scope, int protocol) {
        int rtmTable = r.table() < 256 ? r.table() : RtTable.UNSPEC;
        NlMessageBuilder b = new NlMessageBuilder(type, flags)
                .rtmsg(r.family().af(), r.destination().length(), rtmTable, protocol, scope, r.type().rtn(),
                        r.onlink() ? Rtnh.F_ONLINK : 0)
                .attrU32(Rta.TABLE, r.table());
        if (r.destination().length() > 0) {
            b.attrAddress(Rta.DST, r.destination().address());
        }
        r.gateway().ifPresent(gw -> b.attrAddress(Rta.GATEWAY, gw));
        if (r.linkIndex() > 0) {
            b.attrU32(Rta.OIF, r.linkIndex());
        }
        if (r.metric() > 0) {
            b.attrU32(Rta.PRIORITY, r.metric());
        }
        r.source().ifPresent(src -> b.attrAddress(Rta.PREFSRC, src));
        return b;
    }

    /** A Route from RTM_NEWROUTE/RTM_DELROUTE; null for cache clones, multicast families and unmodelled types. */
    static Route parse(NlMessage m) {
        if (m.type() != Rtm.NEWROUTE && m.type() != Rtm.DELROUTE) {
            return null;
        }
        int af = m.u8(0);
        RouteType type = RouteType.ofRtn(m.u8(7));
        int flags = m.s32(8);
        if ((af != Af.INET && af != Af.INET6) || type == null || (flags & Rtm.F_CLONED) != 0) {
            return null;
        }
        IpFamily family = IpFamily.ofAf(af);
        NlAttributes a = m.attributes(RTMSG_LEN);
        InetAddress dst = a.address(Rta.DST);
        IpPrefix destination = new IpPrefix(dst != null ? dst : zero(family), m.u8(1));
        return new Route(type, destination, Optional.ofNullable(a.address(Rta.GATEWAY)),
                type.isReject() ? 0 : a.u32(Rta.OIF, 0), m.u8(6), m.u8(5), a.u32(Rta.TABLE, m.u8(4)),
                a.u32(Rta.PRIORITY, 0), (flags & Rtnh.F_ONLINK) != 0, Optional.ofNullable(a.address(Rta.PREFSRC)));
    }

    private static InetAddress zero(IpFamily family) {
        return IpPrefix.parseAddress(family == IpFamily.V4 ? "0.0.0.0" : "::");
    }
}
