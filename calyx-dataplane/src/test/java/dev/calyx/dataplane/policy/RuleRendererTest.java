package dev.calyx.dataplane.policy;

import dev.calyx.calc.IcmpMatch;
import dev.calyx.calc.PortRange;
import dev.calyx.calc.ResolvedRule;
import dev.calyx.calc.RuleAction;
import dev.calyx.calc.RuleMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule rendering: families, negations, ports and actions (what nft accepts is checked by PolicyKernelTest). */
class RuleRendererTest {
    private static RuleMatch nets(List<String> nets, List<String> notNets) {
        return new RuleMatch(nets, notNets, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> render(ResolvedRule r) {
        return RuleRenderer.render(r, NamedPortGroups.Lookup.NONE);
    }

    @Test
    void aRuleWithoutAddressesIsOneFamilyAgnosticRule() {
        assertThat(render(new ResolvedRule(RuleAction.ALLOW, null, 6, null, null, null, RuleMatch.ANY,
                new RuleMatch(List.of(), List.of(), List.of(), List.of(), List.of(new PortRange(80, 80),
                        new PortRange(9000, 9100)), List.of(), List.of(), List.of()))))
                .containsExactly("meta l4proto 6 th dport { 80, 9000-9100 } " + PolicyMarks.SET_ACCEPT_AND_RETURN);
    }

    @Test
    void mixedFamilyNetsSplitIntoOneRulePerFamily() {
        assertThat(render(new ResolvedRule(RuleAction.DENY, null, null, null, null, null,
                nets(List.of("10.0.0.0/8", "fd00::/8"), List.of("10.1.0.0/16")), RuleMatch.ANY)))
                .containsExactly("meta nfproto ipv4 ip saddr { 10.0.0.0/8 } ip saddr != { 10.1.0.0/16 } drop",
                        "meta nfproto ipv6 ip6 saddr { fd00::/8 } drop");
    }

    @Test
    void ipSetsAreAndedAndNegatedPerFamily() {
        RuleMatch src = new RuleMatch(List.of(), List.of(), List.of("s:a", "s:b"), List.of("s:c"), List.of(),
                List.of(), List.of(), List.of());
        List<String> rules = render(new ResolvedRule(RuleAction.PASS, 4, null, null, null, null, src,
                RuleMatch.ANY));
        assertThat(rules).containsExactly("meta nfproto ipv4 ip saddr @" + PolicyNames.ipSet("s:a", false)
                + " ip saddr @" + PolicyNames.ipSet("s:b", false) + " ip saddr != @" + PolicyNames.ipSet("s:c", false)
                + " " + PolicyMarks.SET_PASS_AND_RETURN);
    }

    @Test
    void icmpPinsTheFamilyAndLogContinues() {
        assertThat(render(new ResolvedRule(RuleAction.LOG, null, 1, null, new IcmpMatch(8, 0), null, RuleMatch.ANY,
                RuleMatch.ANY))).containsExactly("meta nfproto ipv4 meta l4proto 1 icmp type 8 icmp code 0 log prefix \""
                + RuleRenderer.LOG_PREFIX + "\"");
    }

    @Test
    void aRuleWhosePositiveNetsExcludeAFamilyIsNotRenderedForIt() {
        assertThat(render(new ResolvedRule(RuleAction.ALLOW, 6, null, null, null, null,
                nets(List.of("10.0.0.0/8"), List.of()), RuleMatch.ANY))).isEmpty();
    }

    @Test
    void excludedNamedPortsFailClosed() {
        RuleMatch dst = new RuleMatch(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("n:x"));
        assertThat(render(new ResolvedRule(RuleAction.ALLOW, null, 6, null, null, null, RuleMatch.ANY, dst)))
                .isEmpty();
        assertThat(render(new ResolvedRule(RuleAction.DENY, null, 6, null, null, null, RuleMatch.ANY, dst)))
                .isNotEmpty();
    }
}
