package dev.calyx.preflight;

import java.util.List;
import java.util.function.Predicate;

/**
 * The kernel features calyx or Calico-compatible setups rely on, which modes need each, what a missing one rules
 * out, and how to get it. A missing feature is a FAIL only when the planned configuration needs it; otherwise it
 * is a WARN that says what it rules out, so a VXLAN user on a kernel without IPIP learns it without failing.
 */
public enum KernelFeature {
    NFTABLES("kernel.nftables", ctx -> true, "policy enforcement (every mode)",
            "load nf_tables (CONFIG_NF_TABLES, CONFIG_NF_TABLES_INET, CONFIG_NFT_CT): modprobe nf_tables"),
    CONNTRACK("kernel.conntrack", ctx -> true, "stateful policy and NAT outgoing (every mode)",
            "modprobe nf_conntrack nf_conntrack_netlink (CONFIG_NF_CONNTRACK, CONFIG_NF_CT_NETLINK)"),
    VETH("kernel.veth", ctx -> true, "pod interfaces (every mode)", "modprobe veth (CONFIG_VETH)"),
    VXLAN("kernel.vxlan", ctx -> ctx.mode() == Mode.VXLAN, "mode vxlan",
            "modprobe vxlan (CONFIG_VXLAN), or choose --mode bgp"),
    IPIP("kernel.ipip", ctx -> ctx.mode() == Mode.IPIP, "mode ipip",
            "modprobe ipip (CONFIG_NET_IPIP), or choose --mode vxlan"),
    WIREGUARD("kernel.wireguard", PreflightContext::wireguard, "WireGuard encryption",
            "modprobe wireguard (CONFIG_WIREGUARD, Linux 5.6+), or run without WireGuard"),
    IPSET("kernel.ipset", ctx -> false, "an iptables dataplane with ipsets (calyx itself uses nft sets)",
            "modprobe ip_set ip_set_hash_net (CONFIG_IP_SET)"),
    XT_MATCHES("kernel.xt-matches", ctx -> false, "an iptables dataplane with Calico's rules (calyx uses nftables)",
            "load the missing xt_* modules (modprobe xt_NAME)"),
    SCTP_CONNTRACK("kernel.sctp-conntrack", ctx -> false, "SCTP in policy rules",
            "modprobe nf_conntrack_proto_sctp (CONFIG_NF_CT_PROTO_SCTP)");

    private final String checkName;
    private final Predicate<PreflightContext> needed;
    private final String rulesOut;
    private final String fix;

    KernelFeature(String checkName, Predicate<PreflightContext> needed, String rulesOut, String fix) {
        this.checkName = checkName;
        this.needed = needed;
        this.rulesOut = rulesOut;
        this.fix = fix;
    }

    public String checkName() {
        return checkName;
    }

    public boolean neededBy(PreflightContext ctx) {
        return needed.test(ctx);
    }

    /** Turns a probe's outcome into a report row for this plan. */
    public CheckResult judge(ProbeOutcome outcome, PreflightContext ctx) {
        return switch (outcome) {
            case ProbeOutcome.Present p -> CheckResult.pass(checkName, p.evidence());
            case ProbeOutcome.Unknown u -> new CheckResult(checkName, Status.SKIP, u.evidence(), "", List.of());
            case ProbeOutcome.Missing m -> neededBy(ctx)
                    ? CheckResult.fail(checkName, m.evidence() + "; needed by " + plan(ctx), fix)
                            .withRulesOut(List.of(rulesOut))
                    : CheckResult.warn(checkName, m.evidence() + "; not needed by " + plan(ctx) + ", rules out "
                            + rulesOut, fix).withRulesOut(List.of(rulesOut));
        };
    }

    private static String plan(PreflightContext ctx) {
        return "mode " + ctx.mode().cliName() + (ctx.wireguard() ? " with WireGuard" : "");
    }
}
