package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IpPrefixTest {
    @Test
    void clearsHostBits() {
        assertThat(IpPrefix.parse("10.0.2.15/24")).isEqualTo(IpPrefix.parse("10.0.2.0/24"));
        assertThat(IpPrefix.parse("10.0.2.15/24")).hasToString("10.0.2.0/24");
        assertThat(IpPrefix.parse("192.0.2.7")).hasToString("192.0.2.7/32");
    }

    @ParameterizedTest
    @CsvSource({
        "fd00::/48, fd00::/48",
        "fd00:0:0:1::5/64, fd00:0:0:1::/64",
        "::/0, ::/0",
        "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128",
        "fe80::1/10, fe80::/10",
    })
    void printsIpv6Compressed(String in, String out) {
        assertThat(IpPrefix.parse(in)).hasToString(out);
    }

    @ParameterizedTest
    @CsvSource({
        "10.244.0.0/16, 10.244.5.0/24, true",
        "10.244.5.0/24, 10.244.0.0/16, true",
        "10.244.0.0/16, 10.245.0.0/16, false",
        "0.0.0.0/0, 10.1.2.3/32, true",
        "10.244.0.0/16, fd00::/8, false",
        "fd00::/48, fd00:0:0:1::/64, true",
        "10.0.0.0/9, 10.128.0.0/9, false",
    })
    void overlap(String a, String b, boolean expected) {
        assertThat(IpPrefix.parse(a).overlaps(IpPrefix.parse(b))).isEqualTo(expected);
    }

    @Test
    void rejectsNamesAndBadLengthsWithTheValue() {
        assertThatThrownBy(() -> IpPrefix.parse("example.com/16")).hasMessageContaining("example.com/16");
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).hasMessageContaining("33");
        assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/x")).hasMessageContaining("10.0.0.0/x");
    }
}
