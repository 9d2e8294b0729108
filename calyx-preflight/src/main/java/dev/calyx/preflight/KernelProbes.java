package dev.calyx.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * The probes themselves: each creates a real object in the scratch namespace and removes it. A module list or a
 * kernel config says what could be loaded; only asking the kernel says what works (containers and locked-down
 * hosts cannot load modules even when they exist).
 */
final class KernelProbes {
    /** One iptables match as Calico uses it, and the arguments that exercise it. */
    record XtMatch(String module, String table, String chain, List<String> args, boolean ipv6) {}

    static final String PROBE_SET = "calyx-probe";

    static final List<XtMatch> XT_MATCHES = List.of(
            xt("xt_addrtype", "-m", "addrtype", "--dst-type", "LOCAL"),
            xt("xt_comment", "-m", "comment", "--comment", "calyx-probe"),
            xt("xt_conntrack", "-m", "conntrack", "--ctstate", "ESTABLISHED"),
            xt("xt_icmp", "-p", "icmp", "--icmp-type", "8"),
            new XtMatch("xt_icmp6", "filter", "INPUT", List.of("-p", "ipv6-icmp", "--icmpv6-type", "128"), true),
            xt("xt_mark", "-m", "mark", "--mark", "0x1"),
            xt("xt_multiport", "-p", "tcp", "-m", "multiport", "--dports", "1,2"),
            new XtMatch("xt_rpfilter", "raw", "PREROUTING", List.of("-m", "rpfilter", "--invert"), false),
            xt("xt_sctp", "-p", "sctp", "-m", "sctp", "--dport", "1"),
            xt("xt_set", "-m", "set", "--match-set", PROBE_SET, "src"),
            xt("xt_u32", "-m", "u32", "--u32", "0>>22&0x3C@12>>26&0x3F=0x10"),
            xt("xt_ipvs (only with kube-proxy IPVS)", "-m", "ipvs", "--ipvs"));

    private KernelProbes() {}

    private static XtMatch xt(String module, String... args) {
        return new XtMatch(module, "filter", "INPUT", List.of(args), false);
    }

    static ProbeOutcome probe(KernelFeature f, ScratchNetns ns) {
        return switch (f) {
            case NFTABLES -> nftables(ns);
            case CONNTRACK -> conntrack(ns);
            case VETH -> ns.probeLink("pfveth0", ScratchNetns.LinkKind.VETH);
            case VXLAN -> ns.probeLink("pfvxlan0", ScratchNetns.LinkKind.VXLAN);
            case IPIP -> ns.probeLink("pfipip0", ScratchNetns.LinkKind.IPIP);
            case WIREGUARD -> ns.probeLink("pfwg0", ScratchNetns.LinkKind.WIREGUARD);
            case IPSET -> ipset(ns);
            case XT_MATCHES -> xtMatches(ns);
            case SCTP_CONNTRACK -> sctpConntrack(ns);
        };
    }

    /** A table with a base chain, an interval set and a conntrack-state rule: what calyx's policy table uses. */
    static ProbeOutcome nftables(ScratchNetns ns) {
        String script = """
                table inet calyx_probe {
                  set pool { type ipv4_addr; flags interval; elements = { 10.244.0.0/16 } }
                  chain forward { type filter hook forward priority 0; policy accept;
                    ct state established,related accept
                    ip saddr @pool accept
                  }
                }
                delete table inet calyx_probe
                """;
        Exec.Result r = ns.exec(script, List.of("nft", "-f", "-"));
        if (r.notFound()) {
            return new ProbeOutcome.Unknown("nft not installed (apt-get install nftables): " + r.message());
        }
        return r.ok() ? new ProbeOutcome.Present("created and deleted table inet calyx_probe (base chain, interval "
                + "set, ct state) in scratch netns") : ProbeOutcome.refused("nft -f (table inet calyx_probe)", r.message());
    }

    /** Creates a TCP entry through ctnetlink and lists it back. */
    static ProbeOutcome conntrack(ScratchNetns ns) {
        Exec.Result add = ns.exec(null, List.of("conntrack", "-I", "-p", "tcp", "-s", "192.0.2.1", "-d", "192.0.2.2",
                "--sport", "40000", "--dport", "80", "--state", "ESTABLISHED", "-t", "30"));
        if (add.notFound()) {
            return conntrackWithoutTool(ns);
        }
        if (!add.ok()) {
            return ProbeOutcome.refused("conntrack -I (tcp entry)", add.message());
        }
        Exec.Result list = ns.exec(null, List.of("conntrack", "-L", "-p", "tcp"));
        return list.ok() && list.stdout().contains("dport=80")
                ? new ProbeOutcome.Present("created and listed a tcp conntrack entry over ctnetlink in scratch netns")
                : new ProbeOutcome.Missing("conntrack entry created but not listed back: " + list.message());
    }

    /** Without the conntrack tool: the table is visible in the namespace's /proc/net, ctnetlink stays unprobed. */
    private static ProbeOutcome conntrackWithoutTool(ScratchNetns ns) {
        Exec.Result table = ns.exec(null, List.of("cat", "/proc/net/nf_conntrack"));
        return table.ok() ? new ProbeOutcome.Present("/proc/net/nf_conntrack readable in scratch netns; ctnetlink not "
                + "probed (conntrack tool not installed: apt-get install conntrack)")
                : new ProbeOutcome.Unknown("conntrack tool not installed and /proc/net/nf_conntrack unreadable: "
                        + table.message());
    }

    static ProbeOutcome sctpConntrack(ScratchNetns ns) {
        Exec.Result add = ns.exec(null, List.of("conntrack", "-I", "-p", "sctp", "-s", "192.0.2.1", "-d",
                "192.0.2.2", "--sport", "40000", "--dport", "3868", "--state", "ESTABLISHED", "--orig-vtag", "1",
                "--reply-vtag", "2", "-t", "30"));
        if (add.notFound()) {
            return new ProbeOutcome.Unknown("conntrack tool not installed (apt-get install conntrack): " + add.message());
        }
        if (!add.ok()) {
            return ProbeOutcome.refused("conntrack -I -p sctp", add.message());
        }
        Exec.Result list = ns.exec(null, List.of("conntrack", "-L", "-p", "sctp"));
        boolean tracked = list.ok() && list.stdout().lines().anyMatch(l -> l.startsWith("sctp") && l.contains("ESTABLISHED"));
        return tracked ? new ProbeOutcome.Present("sctp conntrack entry with state ESTABLISHED created and listed")
                : new ProbeOutcome.Missing("sctp entry not tracked with state: " + list.stdout().strip());
    }

    static ProbeOutcome ipset(ScratchNetns ns) {
        Exec.Result r = ns.exec(null, List.of("ipset", "create", PROBE_SET + "-net", "hash:net"));
        if (r.notFound()) {
            return new ProbeOutcome.Unknown("ipset tool not installed (apt-get install ipset): " + r.message());
        }
        if (!r.ok()) {
            return ProbeOutcome.refused("ipset create hash:net", r.message());
        }
        ns.exec(null, List.of("ipset", "destroy", PROBE_SET + "-net"));
        return new ProbeOutcome.Present("created and destroyed ipset hash:net in scratch netns");
    }

    /** Each match is added as a rule with iptables-nft in the scratch netns; the kernel accepts it or not. */
    static ProbeOutcome xtMatches(ScratchNetns ns) {
        Exec.Result version = ns.exec(null, List.of("iptables-nft", "--version"));
        if (!version.ok()) {
            return new ProbeOutcome.Unknown("iptables-nft not available, matches not probed: " + version.message());
        }
        boolean haveSet = ns.exec(null, List.of("ipset", "create", PROBE_SET, "hash:net")).ok();
        List<String> ok = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (XtMatch m : XT_MATCHES) {
            if (m.args().contains(PROBE_SET) && !haveSet) {
                missing.add(m.module() + " (no ipset to match)");
                continue;
            }
            List<String> argv = new ArrayList<>(List.of(m.ipv6() ? "ip6tables-nft" : "iptables-nft", "-t", m.table(),
                    "-A", m.chain()));
            argv.addAll(m.args());
            argv.addAll(List.of("-j", "ACCEPT"));
            Exec.Result r = ns.exec(null, argv);
            (r.ok() ? ok : missing).add(r.ok() ? m.module() : m.module() + " (" + r.message() + ")");
        }
        String evidence = "iptables-nft rules in scratch netns: ok " + String.join(", ", ok);
        return missing.isEmpty() ? new ProbeOutcome.Present(evidence)
                : new ProbeOutcome.Missing("missing " + String.join("; ", missing) + "; " + evidence);
    }
}
