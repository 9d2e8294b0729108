package dev.calyx.calc;

import dev.calyx.model.validation.IpNets;
import java.util.List;

/**
 * Nets in one spelling, the masked Go notation ({@code 10.0.0.1/32}, {@code 10.0.0.0/8}, {@code fd00::/64}), so
 * equal nets written differently ({@code 10.0.0.1}, {@code 10.0.0.1/32}, {@code 10.0.0.5/8}) are equal members and
 * equal rule matches, as in Calico, which masks rule nets when it converts them.
 */
final class Nets {
    private Nets() {
    }

    static String normalize(String net) {
        IpNets.Net parsed = IpNets.parseCidrOrIp(net);
        if (parsed == null) {
            throw new IllegalArgumentException("invalid IP or CIDR \"" + net + "\"");
        }
        return parsed.networkString();
    }

    static List<String> normalize(List<String> nets) {
        return nets == null ? List.of() : nets.stream().map(Nets::normalize).toList();
    }
}
