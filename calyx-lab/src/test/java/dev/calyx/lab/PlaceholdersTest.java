package dev.calyx.lab;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceholdersTest {
    static final Function<PodRef, InetAddress> IPS = ref -> switch (ref.toString()) {
        case "x/b" -> addr("10.99.1.7");
        case "y/b" -> addr("fd00:99::1:7");
        default -> throw new IllegalArgumentException("no pod " + ref);
    };

    static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void ipHostRouteAndCidr() {
        assertThat(Placeholders.substitute("{{ip x/b}}", IPS)).isEqualTo("10.99.1.7");
        assertThat(Placeholders.substitute("{{ip x/b}}/32", IPS)).isEqualTo("10.99.1.7/32");
        assertThat(Placeholders.substitute("{{ip y/b}}/32", IPS)).isEqualTo("fd00:99:0:0:0:0:1:7/128");
        assertThat(Placeholders.substitute("{{cidr x/b 4}}", IPS)).isEqualTo("0.0.0.0/4");
        assertThat(Placeholders.substitute("{{ cidr x/b 20 }}", IPS)).isEqualTo("10.99.0.0/20");
        assertThat(Placeholders.substitute("{{cidr x/b 24}}", IPS)).isEqualTo("10.99.1.0/24");
        assertThat(Placeholders.substitute("plain", IPS)).isEqualTo("plain");
    }

    @Test
    void unknownPlaceholderIsNamed() {
        assertThatThrownBy(() -> Placeholders.substitute("{{name x/b}}", IPS))
                .isInstanceOf(LabFormatException.class).hasMessageContaining("{{name x/b}}");
    }
}
