package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NftDataTypeTest {
    /** Expected forms are what nft 1.0.6 listed for the same input (see NftBackendKernelTest#listsElementsInCanonicalForm). */
    @ParameterizedTest
    @CsvSource({
            "IPV4_ADDR, 10.0.0.1/32, 10.0.0.1",
            "IPV4_ADDR, 10.1.0.0-10.1.0.255, 10.1.0.0/24",
            "IPV4_ADDR, 10.2.0.5-10.2.0.9, 10.2.0.5-10.2.0.9",
            "IPV4_ADDR, 10.4.0.0-10.4.0.0, 10.4.0.0",
            "IPV4_ADDR, 0.0.0.0/0, 0.0.0.0/0",
            "IPV6_ADDR, fd00:0:0:0::1/128, fd00::1",
            "IPV6_ADDR, FD01::/64, fd01::/64",
            "IPV6_ADDR, fd02:0:0:0:0:0:0:0-fd02::ffff, fd02::/112",
            "IPV6_ADDR, 2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "IPV6_ADDR, 0:0:0:0:0:ffff:0:0/96, ::ffff:0.0.0.0/96",
            "IPV6_ADDR, ::, ::",
            "IPV6_ADDR, ::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "IPV6_ADDR, ::1, ::1",
            "IPV6_ADDR, fd00::, fd00::",
            "IPV6_ADDR, 1:0:2:0:3:0:4:0, 1:0:2:0:3:0:4:0",
            "MARK, 0x10, 16",
            "ETHER_ADDR, A:b:c:d:e:F0, 0a:0b:0c:0d:0e:f0",
            "IFNAME, cali1234, cali1234",
    })
    void canonicalFormIsWhatNftLists(NftDataType type, String input, String listed) {
        assertThat(type.canonical(input, "s")).isEqualTo(listed);
    }

    @ParameterizedTest
    @CsvSource({"IPV4_ADDR, 10.0.0.9-10.0.0.1", "IPV6_ADDR, fd00::9-fd00::1", "INET_SERVICE, 65536", "MARK, 0x1ffffffff"})
    void rejectsElementsOutOfOrderOrRange(NftDataType type, String input) {
        assertThatThrownBy(() -> type.canonical(input, "s")).hasMessageContaining("is not a valid " + type.keyword());
    }
}
