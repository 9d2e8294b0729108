package dev.calyx.kernel.netlink;

import java.net.InetAddress;

/**
 * RTM_*ADDR requests and the RTM_NEWADDR parser.
 *
 * <pre>
 *  ifaddrmsg(family, prefixlen, flags &amp; 0xff, scope, index) | IFA_LOCAL addr | IFA_ADDRESS addr | IFA_FLAGS u32
 * </pre>
 * As in iproute2, IFA_LOCAL and IFA_ADDRESS both carry the address (they differ only for point-to-point peers), and
 * the full 32-bit flags go in IFA_FLAGS because {@code ifa_flags} has room for only the low 8.
 */
final class AddressCodec {
    static final int IFADDRMSG_LEN = 8;

    private AddressCodec() {}

    static NlMessageBuilder dump() {
        return new NlMessageBuilder(Rtm.GETADDR, 0).ifaddrmsg(Af.UNSPEC, 0, 0, 0, 0);
    }

    static NlMessageBuilder add(Address a) {
        return request(Rtm.NEWADDR, Nlm.F_CREATE | Nlm.F_EXCL, a);
    }

    static NlMessageBuilder delete(Address a) {
        return request(Rtm.DELADDR, 0, a);
    }

    private static NlMessageBuilder request(int type, int flags, Address a) {
        InetAddress ip = a.prefix().address();
        return new NlMessageBuilder(type, flags)
                .ifaddrmsg(a.family().af(), a.prefix().length(), a.flags() & 0xff, a.scope(), a.linkIndex())
                .attrAddress(Ifa.LOCAL, ip)
                .attrAddress(Ifa.ADDRESS, ip)
                .attrU32(Ifa.FLAGS, a.flags());
    }

    /** An Address from RTM_NEWADDR/RTM_DELADDR; null for other messages or families. */
    static Address parse(NlMessage m) {
        if (m.type() != Rtm.NEWADDR && m.type() != Rtm.DELADDR) {
            return null;
        }
        int family = m.u8(0);
        if (family != Af.INET && family != Af.INET6) {
            return null;
        }
        NlAttributes attrs = m.attributes(IFADDRMSG_LEN);
        InetAddress ip = attrs.has(Ifa.LOCAL) ? attrs.address(Ifa.LOCAL) : attrs.address(Ifa.ADDRESS);
        if (ip == null) {
            return null;
        }
        int flags = attrs.u32(Ifa.FLAGS, m.u8(2));
        return new Address(m.s32(4), new IpPrefix(ip, m.u8(1)), m.u8(3), flags);
    }
}
