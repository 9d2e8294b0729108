package dev.calyx.preflight;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * NetworkManager, left to its defaults, takes over every new interface: it flaps calyx's {@code cali*} veths, drops
 * the routes on them and fights over {@code vxlan.calico} and {@code tunl0} (Calico issues #3271, #3454, #4817).
 * The cure is an {@code unmanaged-devices} entry in its {@code conf.d}. Calico ships {@code calico.conf} for that;
 * an existing one is recognised, and {@code calyx preflight --fix} writes {@code calyx.conf}.
 *
 * <p>Which interfaces must be covered depends on the mode: {@code cali*} always, {@code tunl*} for IPIP,
 * {@code vxlan.calico} for VXLAN, {@code wireguard.cali} with WireGuard. Uncovered interfaces of other modes are
 * named in the evidence but do not fail the check.
 */
public final class NetworkManagerCheck implements Check {
    static final String NAME = "networkmanager";

    /** A representative interface name, the link kind NetworkManager sees, and when calyx creates it. */
    record OurInterface(String sample, String pattern, String kind, Mode onlyFor, boolean wireguard) {
        boolean needed(PreflightContext ctx) {
            return wireguard ? ctx.wireguard() : onlyFor == null || onlyFor == ctx.mode();
        }
    }

    static final List<OurInterface> INTERFACES = List.of(
            new OurInterface("cali0123456789a", "cali*", "veth", null, false),
            new OurInterface("tunl0", "tunl*", "ipip", Mode.IPIP, false),
            new OurInterface("vxlan.calico", "vxlan.calico", "vxlan", Mode.VXLAN, false),
            new OurInterface("vxlan-v6.calico", "vxlan-v6.calico", "vxlan", Mode.VXLAN, false),
            new OurInterface("wireguard.cali", "wireguard.cali", "wireguard", null, true),
            new OurInterface("wg-v6.cali", "wg-v6.cali", "wireguard", null, true));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        HostPaths p = ctx.paths();
        String running = running(p);
        boolean installed = Files.isDirectory(p.networkManager());
        if (running.isEmpty() && !installed) {
            return List.of(CheckResult.pass(NAME, "NetworkManager not running and not installed (no "
                    + p.networkManager() + ")"));
        }
        NetworkManagerConfig cfg = NetworkManagerConfig.read(p.networkManager(), p.run().resolve("NetworkManager"));
        List<String> missingNeeded = new ArrayList<>();
        List<String> missingOther = new ArrayList<>();
        for (OurInterface i : INTERFACES) {
            if (cfg.coverage(i.sample(), i.kind()).isEmpty()) {
                (i.needed(ctx) ? missingNeeded : missingOther).add(i.pattern());
            }
        }
        String state = running.isEmpty() ? "NetworkManager installed but not running" : "NetworkManager running ("
                + running + ")";
        String evidence = state + "; " + describe(cfg) + (missingNeeded.isEmpty() ? ""
                : "; not covered: " + String.join(", ", missingNeeded))
                + (missingOther.isEmpty() ? "" : "; not covered (not needed in mode " + ctx.mode().cliName() + "): "
                + String.join(", ", missingOther));
        if (missingNeeded.isEmpty()) {
            return List.of(CheckResult.pass(NAME, evidence));
        }
        String replaced = cfg.replacedBy().filter(f -> !f.getFileName().toString().equals("NetworkManager.conf"))
                .map(f -> "; note " + f + " replaces the list with a plain unmanaged-devices= (make it +=), or "
                        + "entries of files sorting before it are lost")
                .orElse("");
        String fix = "write " + fixFile(p) + " containing \"" + NetworkManagerFix.CONTENT.strip().replace("\n", "\\n")
                + "\" then run `nmcli general reload` (or: calyx preflight --fix)" + replaced;
        return List.of(running.isEmpty() ? CheckResult.warn(NAME, evidence, fix) : CheckResult.fail(NAME, evidence, fix));
    }

    static String running(HostPaths p) {
        String how = ProcessTable.howRunning(p.proc(), p.run(), "NetworkManager", "NetworkManager.service");
        if (how.isEmpty()) {
            Path pid = p.run().resolve("NetworkManager/NetworkManager.pid");
            String pidText = HostFiles.firstLine(pid).orElse("");
            if (pidText.matches("\\d+") && Files.isDirectory(p.proc().resolve(pidText))) {
                how = pid + " names live pid " + pidText;
            }
        }
        return how;
    }

    static Path fixFile(HostPaths p) {
        return p.networkManager().resolve("conf.d").resolve(NetworkManagerFix.FILE_NAME);
    }

    private static String describe(NetworkManagerConfig cfg) {
        Map<Path, List<String>> byFile = cfg.byFile();
        if (byFile.isEmpty()) {
            return "no unmanaged-devices entries in " + cfg.filesRead().size() + " config file(s)";
        }
        return "unmanaged-devices from " + byFile.entrySet().stream()
                .map(e -> e.getKey() + calicoNote(e.getKey()) + " [" + String.join(";", e.getValue()) + "]")
                .collect(Collectors.joining(", "));
    }

    private static String calicoNote(Path file) {
        String n = file.getFileName().toString();
        return n.equals("calico.conf") ? " (Calico's)" : n.equals(NetworkManagerFix.FILE_NAME) ? " (calyx's)" : "";
    }
}
