package dev.calyx.calc;

import java.util.Objects;

/**
 * A rule ready for the dataplane: every selector replaced by IP-set ids, protocols by their IANA numbers.
 * {@code protocol}/{@code notProtocol} null = any; {@code ipVersion} null = both families.
 */
public record ResolvedRule(RuleAction action, Integer ipVersion, Integer protocol, Integer notProtocol,
                           IcmpMatch icmp, IcmpMatch notIcmp, RuleMatch source, RuleMatch destination) {
    public ResolvedRule {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
    }
}
