package dev.calyx.kernel.netlink;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.List;

import static dev.calyx.kernel.netlink.IpPrefix.parse;
import static dev.calyx.kernel.netlink.IpPrefix.parseAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Byte-level checks of the builder and parsers, no kernel involved. */
class NlMessageCodecTest {

    private static byte[] bytes(MemorySegment s) {
        return s.toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    void headerAndAttributesAreLaidOutAndPadded() {
        NlMessageBuilder b = new NlMessageBuilder(Rtm.GETLINK, Nlm.F_REQUEST)
                .ifinfomsg(Af.UNSPEC, 0, 7, 0, 0)
                .attrString(Ifla.IFNAME, "eth0");
        byte[] msg = bytes(b.finish(0x01020304, 99));

        // 16 header + 16 ifinfomsg + 4 nla header + "eth0\0" (5) padded to 8 = 44
        assertThat(msg).hasSize(44);
        assertThat(HexFormat.of().formatHex(msg, 0, 16)).isEqualTo("2c000000" + "1200" + "0100" + "04030201"
                + "63000000");
        assertThat(HexFormat.of().formatHex(msg, 32, 44)).isEqualTo("0900" + "0300" + "6574683000" + "000000");
    }

    @Test
    void nestedAttributesCarryTheFlagAndTheirFullLength() {
        NlMessageBuilder b = new NlMessageBuilder(Rtm.NEWLINK, 0).ifinfomsg(0, 0, 0, 0, 0);
        int outer = b.beginNested(Ifla.LINKINFO);
        b.attrString(Ifla.INFO_KIND, "veth").attrU8(Ifla.VXLAN_LEARNING, 0);
        b.endNested(outer);
        MemorySegment msg = b.finish(1, 0);

        int nestLen = Short.toUnsignedInt(msg.get(ValueLayout.JAVA_SHORT_UNALIGNED, 32));
        int nestType = Short.toUnsignedInt(msg.get(ValueLayout.JAVA_SHORT_UNALIGNED, 34));
        assertThat(nestType).isEqualTo(Ifla.LINKINFO | NlMessageBuilder.NLA_F_NESTED);
        assertThat(nestLen).isEqualTo(4 + 12 + 8); // header + "veth\0" attr (9 → 12) + u8 attr (5 → 8)
        NlAttributes parsed = NlAttributes.parse(msg.asSlice(32)).nested(Ifla.LINKINFO);
        assertThat(parsed.string(Ifla.INFO_KIND)).isEqualTo("veth");
        assertThat(parsed.u8(Ifla.VXLAN_LEARNING, -1)).isZero();
        assertThat(parsed.has(99)).isFalse();
    }

    @Test
    void bigEndianPortAndAddressesRoundTrip() {
        NlMessageBuilder b = new NlMessageBuilder(Rtm.NEWLINK, 0)
                .attrU16BigEndian(Ifla.VXLAN_PORT, 4789)
                .attrAddress(Ifla.VXLAN_LOCAL6, parseAddress("fd00::1"))
                .attrU32(Ifla.VXLAN_ID, 4096);
        MemorySegment msg = b.finish(1, 0);

        assertThat(msg.get(ValueLayout.JAVA_BYTE, 20)).isEqualTo((byte) 0x12); // 4789 = 0x12b5, network order
        NlAttributes a = NlAttributes.parse(msg.asSlice(16));
        assertThat(a.u16BigEndian(Ifla.VXLAN_PORT, 0)).isEqualTo(4789);
        assertThat(a.address(Ifla.VXLAN_LOCAL6)).isEqualTo(parseAddress("fd00::1"));
        assertThat(a.u32(Ifla.VXLAN_ID, 0)).isEqualTo(4096);
    }

    @Test
    void routeRequestParsesBackToTheSameRoute() {
        Route route = Route.to(parse("10.9.0.0/16")).via(parseAddress("192.0.2.1")).dev(3).withOnlink()
                .protocol(Rtprot.STATIC).table(300).metric(20);
        MemorySegment msg = RouteCodec.add(route, false).finish(5, 0);

        List<NlMessage> split = NlMessage.split(msg, msg.byteSize());
        assertThat(split).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(Rtm.NEWROUTE);
            assertThat(m.flags()).isEqualTo(Nlm.F_CREATE | Nlm.F_EXCL);
            assertThat(m.seq()).isEqualTo(5);
            assertThat(RouteCodec.parse(m)).isEqualTo(route);
        });
    }

    @Test
    void addressNeighbourAndFdbRequestsParseBack() {
        Address address = Address.of(4, "fd00::5/64").withFlags(Ifa.F_NODAD);
        Neighbor neighbor = Neighbor.permanent(4, parseAddress("10.0.0.9"), MacAddress.parse("02:00:00:00:00:09"));
        FdbEntry fdb = FdbEntry.vxlan(4, MacAddress.parse("02:00:00:00:00:0a"), parseAddress("192.168.0.2"));

        assertThat(AddressCodec.parse(only(AddressCodec.add(address).finish(1, 0)))).isEqualTo(address);
        assertThat(NeighborCodec.parseNeighbor(only(NeighborCodec.neighbor(Rtm.NEWNEIGH, 0, neighbor)
                .finish(1, 0)))).isEqualTo(neighbor);
        assertThat(NeighborCodec.parseFdb(only(NeighborCodec.fdb(Rtm.NEWNEIGH, 0, fdb).finish(1, 0))))
                .isEqualTo(fdb);
    }

    @Test
    void vethAndVxlanRequestsCarryTheirNestedInfo() {
        VxlanSpec spec = VxlanSpec.of("vxlan.calico", 4096).local(parseAddress("192.168.0.1")).parent(2);
        NlMessage m = only(LinkCodec.newVxlan(spec).finish(1, 0));
        NlAttributes data = m.attributes(LinkCodec.IFINFOMSG_LEN).nested(Ifla.LINKINFO).nested(Ifla.INFO_DATA);

        assertThat(data.u32(Ifla.VXLAN_ID, 0)).isEqualTo(4096);
        assertThat(data.u8(Ifla.VXLAN_LEARNING, 1)).isZero();
        assertThat(data.address(Ifla.VXLAN_LOCAL)).isEqualTo(parseAddress("192.168.0.1"));

        NlMessage veth = only(LinkCodec.newVeth(VethSpec.of("a", "b").mtu(1400)).finish(1, 0));
        MemorySegment peer = veth.attributes(LinkCodec.IFINFOMSG_LEN).nested(Ifla.LINKINFO).nested(Ifla.INFO_DATA)
                .bytesSegment(Ifla.VETH_INFO_PEER);
        NlAttributes peerAttrs = NlAttributes.parse(peer.asSlice(LinkCodec.IFINFOMSG_LEN));
        assertThat(peerAttrs.string(Ifla.IFNAME)).isEqualTo("b");
        assertThat(peerAttrs.u32(Ifla.MTU, 0)).isEqualTo(1400);
    }

    @Test
    void truncatedOrMalformedInputEndsTheWalkQuietly() {
        MemorySegment junk = MemorySegment.ofArray(new byte[] {(byte) 200, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0});
        assertThat(NlMessage.split(junk, junk.byteSize())).isEmpty();
        assertThat(NlAttributes.parse(MemorySegment.ofArray(new byte[] {50, 0, 1, 0})).has(1)).isFalse();
    }

    private static NlMessage only(MemorySegment msg) {
        List<NlMessage> split = NlMessage.split(msg, msg.byteSize());
        assertThat(split).hasSize(1);
        return split.getFirst();
    }

    @Test
    void valuesValidate() {
        assertThat(parse("10.0.0.1/24").network()).isEqualTo(parse("10.0.0.0/24"));
        assertThat(parse("fd00::1").length()).isEqualTo(128);
        assertThat(MacAddress.parse("0A:58:0a:f4:00:05")).hasToString("0a:58:0a:f4:00:05");
        assertThatThrownBy(() -> parse("10.0.0.0/33"))
                .hasMessageContaining("out of range 0-32");
        assertThatThrownBy(() -> parse("example.com/8"))
                .hasMessageContaining("invalid IP address 'example.com'");
        assertThatThrownBy(() -> Route.to(parse("10.0.0.1/24")))
                .hasMessageContaining("did you mean 10.0.0.0/24");
        assertThatThrownBy(() -> Route.to(parse("10.0.0.0/24"))
                .via(parseAddress("fd00::1"))).hasMessageContaining("another address family");
        assertThatThrownBy(() -> VethSpec.of("much-too-long-name0", "b"))
                .hasMessageContaining("1-15 bytes");
        assertThatThrownBy(() -> VxlanSpec.of("vx", 1 << 24))
                .hasMessageContaining("VNI");
    }
}
