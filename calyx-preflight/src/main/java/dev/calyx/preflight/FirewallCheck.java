package dev.calyx.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Other managers of the host's packet filter. firewalld and ufw rewrite or reload the ruleset behind calyx's back
 * (Calico asks for them to be disabled); other nftables tables (docker, kube-proxy, iptables-nft, a leftover
 * Calico) see the same packets in the same hooks and can drop pod traffic before calyx's accept counts; an
 * {@code /etc/nftables.conf} that starts with {@code flush ruleset} deletes calyx's table whenever the nftables
 * service reloads. All are WARNs: they can coexist when scoped, but the user must know.
 *
 * <p>Read-only: {@code nft -j list tables} in the root namespace (or the test's namespace), files under the
 * injectable {@code /etc}, {@code /proc} and {@code /run}.
 */
public final class FirewallCheck implements Check {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "firewall";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        return List.of(firewalld(ctx.paths()), ufw(ctx.paths()), nftTables(ctx), nftablesService(ctx.paths()));
    }

    static CheckResult firewalld(HostPaths p) {
        String how = ProcessTable.howRunning(p.proc(), p.run(), "firewalld", "firewalld.service");
        if (how.isEmpty()) {
            return CheckResult.pass("firewall.firewalld", "firewalld not running");
        }
        return CheckResult.warn("firewall.firewalld", "firewalld running (" + how + "): it reloads its own "
                + "ruleset and rejects traffic it has no zone for, including pod traffic",
                "systemctl disable --now firewalld (protect the host with calyx host-endpoint policy instead), or "
                        + "add the pod pool and cali+ interfaces to its trusted zone");
    }

    static CheckResult ufw(HostPaths p) {
        Path conf = p.etc().resolve("ufw/ufw.conf");
        boolean enabled = HostFiles.read(conf).orElse("").lines().map(String::strip)
                .anyMatch(l -> l.equalsIgnoreCase("ENABLED=yes"));
        if (!enabled) {
            return CheckResult.pass("firewall.ufw", "ufw not enabled (" + conf + ")");
        }
        return CheckResult.warn("firewall.ufw", "ufw enabled (ENABLED=yes in " + conf + "): its default FORWARD "
                + "policy drops routed pod traffic", "ufw disable, or set DEFAULT_FORWARD_POLICY=\"ACCEPT\" in "
                + p.etc().resolve("default/ufw") + " and allow the pod pool");
    }

    static CheckResult nftTables(PreflightContext ctx) {
        List<String> argv = new ArrayList<>();
        ctx.hostNetns().ifPresent(n -> argv.addAll(List.of("ip", "netns", "exec", n)));
        argv.addAll(List.of("nft", "-j", "list", "tables"));
        Exec.Result r = Exec.run(ctx.timeout(), null, argv);
        if (!r.ok()) {
            return CheckResult.skip("firewall.nftables", r.commandLine() + ": " + r.message());
        }
        List<String> foreign = foreignTables(r.stdout());
        String legacy = HostFiles.read(ctx.paths().proc().resolve("net/ip_tables_names")).orElse("").strip()
                .replace('\n', ',');
        String where = ctx.hostNetns().map(n -> "netns " + n).orElse("root netns");
        if (foreign.isEmpty() && legacy.isEmpty()) {
            return CheckResult.pass("firewall.nftables", "no other nftables tables or legacy iptables tables in "
                    + where);
        }
        String evidence = (foreign.isEmpty() ? "" : "other nftables tables in " + where + ": "
                + String.join(", ", foreign)) + (legacy.isEmpty() ? "" : (foreign.isEmpty() ? "" : "; ")
                + "legacy iptables tables loaded: " + legacy);
        return CheckResult.warn("firewall.nftables", evidence, "make sure their owners (docker, kube-proxy, "
                + "iptables rules, an old Calico) accept traffic of the pod pool and cali+ interfaces, or remove them");
    }

    /** Tables not owned by calyx, as "family name". */
    static List<String> foreignTables(String nftJson) {
        List<String> out = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(nftJson);
        } catch (IOException e) {
            return List.of("(unparseable nft output: " + e.getMessage() + ")");
        }
        for (JsonNode item : root.path("nftables")) {
            JsonNode t = item.path("table");
            if (!t.isMissingNode() && !t.path("name").asText().startsWith("calyx")) {
                out.add(t.path("family").asText() + " " + t.path("name").asText());
            }
        }
        return out;
    }

    static CheckResult nftablesService(HostPaths p) {
        Path conf = p.etc().resolve("nftables.conf");
        Optional<String> text = HostFiles.read(conf);
        boolean flushes = text.orElse("").lines().map(String::strip).anyMatch(l -> l.startsWith("flush ruleset"));
        if (!flushes) {
            return CheckResult.pass("firewall.nftables-conf", text.isEmpty() ? "no " + conf
                    : conf + " does not flush the ruleset");
        }
        String active = ProcessTable.systemdUnitActive(p.run(), "nftables.service") ? "nftables.service is active"
                : "nftables.service not seen active";
        return CheckResult.warn("firewall.nftables-conf", conf + " starts with `flush ruleset` (" + active
                + "): loading it deletes calyx's table along with everything else",
                "replace `flush ruleset` in " + conf + " by `flush table FAMILY NAME` for the tables it defines, or "
                        + "keep nftables.service from reloading while calyx runs");
    }
}
