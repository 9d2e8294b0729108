package dev.calyx.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpNetsTest {
    @ParameterizedTest
    @CsvSource({
        "10.1.2.3/8, 10.0.0.0/8, false",
        "10.0.0.0/8, 10.0.0.0/8, true",
        "1.2.3.4, 1.2.3.4/32, true",
        "fd00::1:0/112, fd00::1:0/112, true",
        "fd00:0:0:0:0:0:0:1/64, fd00::/64, false",
        "2001:db8:0:0:1:0:0:1/128, 2001:db8::1:0:0:1/128, true",
        "::/0, ::/0, true",
    })
    void parsesAndMasksLikeGo(String in, String network, boolean strict) {
        var n = IpNets.parseCidrOrIp(in);
        assertThat(n).isNotNull();
        assertThat(n.networkString()).isEqualTo(network);
        assertThat(n.strictlyMasked()).isEqualTo(strict);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "010.0.0.1", "10.0.0.0/33", "fd00::/129", "host.example",
        "10.0.0.0/", "1.2.3.4/08", "fe80::1%eth0"})
    void rejectsWhatGoRejects(String text) {
        assertThat(IpNets.parseCidrOrIp(text)).isNull();
    }
}
