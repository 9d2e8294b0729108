package dev.calyx.kernel.netlink;

import java.net.InetAddress;
import java.util.Optional;

/**
 * RTM_*LINK requests and the parser for RTM_NEWLINK replies.
 *
 * <pre>
 *  veth:  ifinfomsg | IFLA_IFNAME | IFLA_MTU? | IFLA_ADDRESS?
 *         | IFLA_LINKINFO { IFLA_INFO_KIND "veth"
 *                         | IFLA_INFO_DATA { VETH_INFO_PEER { ifinfomsg | IFLA_IFNAME | IFLA_NET_NS_FD? ... } } }
 *  vxlan: ifinfomsg | IFLA_IFNAME | ...
 *         | IFLA_LINKINFO { IFLA_INFO_KIND "vxlan"
 *                         | IFLA_INFO_DATA { VXLAN_ID u32 | VXLAN_PORT be16 | VXLAN_LEARNING u8
 *                                          | VXLAN_LOCAL(6)? | VXLAN_LINK? } }
 * </pre>
 * Requests that address an existing link by name leave {@code ifi_index} 0 and send IFLA_IFNAME; the kernel looks
 * the name up (rtnl_setlink / rtnl_dellink / rtnl_getlink all accept that), which saves a lookup round trip.
 */
final class LinkCodec {
    static final int IFINFOMSG_LEN = 16;

    private LinkCodec() {}

    static NlMessageBuilder dump() {
        return new NlMessageBuilder(Rtm.GETLINK, 0).ifinfomsg(Af.UNSPEC, 0, 0, 0, 0);
    }

    static NlMessageBuilder getByName(String name) {
        return new NlMessageBuilder(Rtm.GETLINK, 0).ifinfomsg(Af.UNSPEC, 0, 0, 0, 0)
                .attrString(Ifla.IFNAME, name);
    }

    static NlMessageBuilder getByIndex(int index) {
        return new NlMessageBuilder(Rtm.GETLINK, 0).ifinfomsg(Af.UNSPEC, 0, index, 0, 0);
    }

    static NlMessageBuilder delete(String name) {
        return new NlMessageBuilder(Rtm.DELLINK, 0).ifinfomsg(Af.UNSPEC, 0, 0, 0, 0)
                .attrString(Ifla.IFNAME, name);
    }

    /** RTM_SETLINK of the named link; the caller appends what to change. */
    static NlMessageBuilder set(String name) {
        return new NlMessageBuilder(Rtm.SETLINK, 0).ifinfomsg(Af.UNSPEC, 0, 0, 0, 0)
                .attrString(Ifla.IFNAME, name);
    }

    static NlMessageBuilder setFlags(String name, int flags, int change) {
        return new NlMessageBuilder(Rtm.SETLINK, 0).ifinfomsg(Af.UNSPEC, 0, 0, flags, change)
                .attrString(Ifla.IFNAME, name);
    }

    static NlMessageBuilder rename(int index, String newName) {
        return new NlMessageBuilder(Rtm.SETLINK, 0).ifinfomsg(Af.UNSPEC, 0, index, 0, 0)
                .attrString(Ifla.IFNAME, newName);
    }

    static NlMessageBuilder newVeth(VethSpec spec) {
        NlMessageBuilder b = create(spec.name(), spec.mtu(), spec.mac());
        int linkInfo = b.beginNested(Ifla.LINKINFO);
        b.attrString(Ifla.INFO_KIND, "veth");
        int data = b.beginNested(Ifla.INFO_DATA);
        int peer = b.beginNested(Ifla.VETH_INFO_PEER);
        b.ifinfomsg(Af.UNSPEC, 0, 0, 0, 0).attrString(Ifla.IFNAME, spec.peerName());
        spec.peerNetns().ifPresent(ns -> b.attrU32(Ifla.NET_NS_FD, ns.fd()));
        if (spec.mtu() > 0) {
            b.attrU32(Ifla.MTU, spec.mtu());
        }
        spec.peerMac().ifPresent(mac -> b.attr(Ifla.ADDRESS, mac.bytes()));
        return b.endNested(peer).endNested(data).endNested(linkInfo);
    }

    static NlMessageBuilder newVxlan(VxlanSpec spec) {
        NlMessageBuilder b = create(spec.name(), spec.mtu(), spec.mac());
        int linkInfo = b.beginNested(Ifla.LINKINFO);
        b.attrString(Ifla.INFO_KIND, "vxlan");
        int data = b.beginNested(Ifla.INFO_DATA);
        b.attrU32(Ifla.VXLAN_ID, spec.vni())
                .attrU16BigEndian(Ifla.VXLAN_PORT, spec.port())
                .attrU8(Ifla.VXLAN_LEARNING, spec.learning() ? 1 : 0);
        spec.local().ifPresent(local -> b.attrAddress(
                IpFamily.of(local) == IpFamily.V4 ? Ifla.VXLAN_LOCAL : Ifla.VXLAN_LOCAL6, local));
        if (spec.parentIndex() > 0) {
            b.attrU32(Ifla.VXLAN_LINK, spec.parentIndex());
        }
        return b.endNested(data).endNested(linkInfo);
    }

    private static NlMessageBuilder create(String name, int mtu, Optional<MacAddress> mac) {
        NlMessageBuilder b = new NlMessageBuilder(Rtm.NEWLINK, Nlm.F_CREATE | Nlm.F_EXCL)
                .ifinfomsg(Af.UNSPEC, 0, 0, 0, 0).attrString(Ifla.IFNAME, name);
        if (mtu > 0) {
            b.attrU32(Ifla.MTU, mtu);
        }
        mac.ifPresent(m -> b.attr(Ifla.ADDRESS, m.bytes()));
        return b;
    }

    /** A Link from an RTM_NEWLINK/RTM_DELLINK message; null for any other message type. */
    static Link parse(NlMessage m) {
        if (m.type() != Rtm.NEWLINK && m.type() != Rtm.DELLINK) {
            return null;
        }
        NlAttributes a = m.attributes(IFINFOMSG_LEN);
        NlAttributes info = a.nested(Ifla.LINKINFO);
        String kind = info.string(Ifla.INFO_KIND);
        String name = a.string(Ifla.IFNAME);
        byte[] address = a.bytes(Ifla.ADDRESS);
        Optional<MacAddress> mac = address != null && address.length == 6
                ? Optional.of(MacAddress.of(address)) : Optional.empty();
        Optional<VxlanSpec> vxlan = "vxlan".equals(kind)
                ? Optional.of(parseVxlan(name, a.u32(Ifla.MTU, 0), mac, info.nested(Ifla.INFO_DATA)))
                : Optional.empty();
        return new Link(m.s32(4), name, kind == null ? "" : kind, m.u16(2), m.s32(8), a.u32(Ifla.MTU, 0), mac,
                a.u32(Ifla.LINK, 0), a.u32(Ifla.MASTER, 0), vxlan);
    }

    private static VxlanSpec parseVxlan(String name, int mtu, Optional<MacAddress> mac, NlAttributes data) {
        InetAddress local = data.has(Ifla.VXLAN_LOCAL) ? data.address(Ifla.VXLAN_LOCAL)
                : data.address(Ifla.VXLAN_LOCAL6);
        return new VxlanSpec(name, data.u32(Ifla.VXLAN_ID, 0), data.u16BigEndian(Ifla.VXLAN_PORT, 8472),
                Optional.ofNullable(local), data.u32(Ifla.VXLAN_LINK, 0), data.u8(Ifla.VXLAN_LEARNING, 1) != 0,
                mtu, mac);
    }
}
