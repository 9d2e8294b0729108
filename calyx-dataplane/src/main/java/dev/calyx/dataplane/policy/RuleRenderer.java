package dev.calyx.dataplane.policy;

import dev.calyx.calc.IcmpMatch;
import dev.calyx.calc.PortRange;
import dev.calyx.calc.ResolvedRule;
import dev.calyx.calc.RuleAction;
import dev.calyx.calc.RuleMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One resolved rule → the statements of zero, one or two nft rules (pure).
 *
 * <p>Families: an {@code inet} rule that matches addresses must say which family it means ({@code ip saddr} vs
 * {@code ip6 saddr}), so a rule that matches addresses without naming a family becomes one nft rule per family;
 * a rule whose positive nets (or ICMP protocol) exist in one family only becomes one rule of that family, and a
 * rule that matches no address stays one family-agnostic rule. Each calc IP set is two kernel sets (IPv4, IPv6).
 *
 * <p>Actions: ALLOW sets the accept mark bit and returns, PASS sets the pass bit and returns (the endpoint chain
 * reads both, see {@link PolicyRenderer}), DENY drops at once, LOG logs and falls through to the next rule.
 *
 * <p>Ports: numeric ports OR named ports (RuleMatch's semantics) are alternatives, so a side with both becomes
 * one nft rule per alternative: the numeric {@code th dport} set, and one per (protocol, port) group of each
 * named-port set ({@link NamedPortGroups}). Excluded named ports ({@code notNamedPortIpSetIds}) have no
 * single-rule form without concatenated sets; such a rule fails closed: left out when it would allow or pass,
 * rendered without the exclusion when it denies.
 */
final class RuleRenderer {
    static final String LOG_PREFIX = "calyx-policy ";
    private static final int ICMP = 1;
    private static final int ICMPV6 = 58;

    private RuleRenderer() {
    }

    static List<String> render(ResolvedRule rule, NamedPortGroups.Lookup namedPorts) {
        List<String> out = new ArrayList<>();
        for (Integer family : families(rule)) {
            String match = match(rule, family);
            if (match == null) {
                continue;
            }
            for (String src : portAlternatives(rule, rule.source(), family, "saddr", "sport", namedPorts)) {
                for (String dst : portAlternatives(rule, rule.destination(), family, "daddr", "dport", namedPorts)) {
                    String all = String.join(" ", java.util.stream.Stream.of(match, src, dst)
                            .filter(x -> !x.isEmpty()).toList());
                    out.add((all.isEmpty() ? "" : all + " ") + action(rule.action()));
                }
            }
        }
        return out;
    }

    static String action(RuleAction action) {
        return switch (action) {
            case ALLOW -> PolicyMarks.SET_ACCEPT_AND_RETURN;
            case PASS -> PolicyMarks.SET_PASS_AND_RETURN;
            case DENY -> "drop";
            case LOG -> "log prefix \"" + LOG_PREFIX + "\"";
        };
    }

    /** The families to render: {4}, {6}, {4, 6}, or {null} for one family-agnostic rule. */
    private static List<Integer> families(ResolvedRule r) {
        if (r.ipVersion() != null) {
            return List.of(r.ipVersion());
        }
        if (r.protocol() != null && r.protocol() == ICMP) {
            return List.of(4);
        }
        if (r.protocol() != null && r.protocol() == ICMPV6) {
            return List.of(6);
        }
        if (!matchesAddresses(r.source()) && !matchesAddresses(r.destination())) {
            return java.util.Collections.singletonList(null);
        }
        List<Integer> out = new ArrayList<>();
        for (int f : new int[] {4, 6}) {
            if (possible(r.source(), f) && possible(r.destination(), f)) {
                out.add(f);
            }
        }
        return out;
    }

    private static boolean matchesAddresses(RuleMatch m) {
        return !m.nets().isEmpty() || !m.notNets().isEmpty() || !m.ipSetIds().isEmpty()
                || !m.notIpSetIds().isEmpty() || !m.namedPortIpSetIds().isEmpty();
    }

    private static boolean possible(RuleMatch m, int family) {
        return m.nets().isEmpty() || m.nets().stream().anyMatch(n -> familyOf(n) == family);
    }

    static int familyOf(String net) {
        return net.indexOf(':') >= 0 ? 6 : 4;
    }

    /** The match part, or null when the rule can never match (it is then left out). */
    private static String match(ResolvedRule r, Integer family) {
        List<String> parts = new ArrayList<>();
        if (family != null) {
            parts.add("meta nfproto " + (family == 4 ? "ipv4" : "ipv6"));
        }
        if (r.protocol() != null) {
            parts.add("meta l4proto " + r.protocol());
        } else if (!r.source().ports().isEmpty() || !r.destination().ports().isEmpty()
                || !r.source().notPorts().isEmpty() || !r.destination().notPorts().isEmpty()) {
            parts.add("meta l4proto { 6, 17, 132 }");
        }
        if (r.notProtocol() != null) {
            parts.add("meta l4proto != " + r.notProtocol());
        }
        icmp(r, parts);
        if (!side(r.source(), family, "saddr", "sport", r.action(), parts)
                || !side(r.destination(), family, "daddr", "dport", r.action(), parts)) {
            return null;
        }
        return String.join(" ", parts);
    }

    private static void icmp(ResolvedRule r, List<String> parts) {
        String kw = r.protocol() != null && r.protocol() == ICMPV6 ? "icmpv6" : "icmp";
        IcmpMatch m = r.icmp();
        if (m != null) {
            parts.add(kw + " type " + m.type());
            if (m.code() != null) {
                parts.add(kw + " code " + m.code());
            }
        }
        IcmpMatch not = r.notIcmp();
        if (not != null) {
            // nft cannot say "not (type and code)" in one rule; excluding the whole type is the narrower match
            parts.add(kw + " type != " + not.type());
        }
    }

    private static boolean side(RuleMatch m, Integer family, String addr, String port, RuleAction action,
                                List<String> parts) {
        if (family != null) {
            String ipKw = family == 4 ? "ip " : "ip6 ";
            boolean v6 = family == 6;
            if (!m.nets().isEmpty()) {
                List<String> nets = m.nets().stream().filter(n -> familyOf(n) == family).toList();
                if (nets.isEmpty()) {
                    return false;
                }
                parts.add(ipKw + addr + " " + anonymousSet(nets));
            }
            List<String> notNets = m.notNets().stream().filter(n -> familyOf(n) == family).toList();
            if (!notNets.isEmpty()) {
                parts.add(ipKw + addr + " != " + anonymousSet(notNets));
            }
            m.ipSetIds().forEach(id -> parts.add(ipKw + addr + " @" + PolicyNames.ipSet(id, v6)));
            m.notIpSetIds().forEach(id -> parts.add(ipKw + addr + " != @" + PolicyNames.ipSet(id, v6)));
        }
        if (!m.notNamedPortIpSetIds().isEmpty() && (action == RuleAction.ALLOW || action == RuleAction.PASS)) {
            return false;
        }
        if (!m.notPorts().isEmpty()) {
            parts.add("th " + port + " != "
                    + anonymousSet(m.notPorts().stream().map(PortRange::toString).toList()));
        }
        return true;
    }

    /**
     * The OR-ed port matches of one side, each a fragment to AND into the rule: {@code [""]} when the side has no
     * port match, empty when it has only named ports of which no group exists (the rule matches nothing).
     */
    private static List<String> portAlternatives(ResolvedRule r, RuleMatch m, Integer family, String addr,
                                                 String port, NamedPortGroups.Lookup namedPorts) {
        if (m.ports().isEmpty() && m.namedPortIpSetIds().isEmpty()) {
            return List.of("");
        }
        List<String> out = new ArrayList<>();
        if (!m.ports().isEmpty()) {
            out.add("th " + port + " " + anonymousSet(m.ports().stream().map(PortRange::toString).toList()));
        }
        if (family == null) {
            return out;
        }
        for (String id : m.namedPortIpSetIds()) {
            for (NamedPortGroups.Group g : namedPorts.groups(id)) {
                if (r.protocol() != null && r.protocol() != g.protocol()) {
                    continue;
                }
                String proto = r.protocol() == null ? "meta l4proto " + g.protocol() + " " : "";
                out.add(proto + (family == 4 ? "ip " : "ip6 ") + addr + " @"
                        + NamedPortGroups.setName(id, g, family == 6) + " th " + port + " " + g.port());
            }
        }
        return out;
    }

    private static String anonymousSet(List<String> elements) {
        return elements.stream().collect(Collectors.joining(", ", "{ ", " }"));
    }
}
