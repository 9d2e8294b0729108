package dev.calyx.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftBackends;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code calyx uninstall}: thin; {@link Uninstaller} does the work. Exit 1 when anything of calyx remains. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove every trace of calyx from this host: the background agent, routes with protocol 80, "
                + "cali* links, vxlan.calico/tunl0, the inet calyx nft table, the conflist, the plugin, the shim, "
                + "/var/lib/calyx, /var/run/calyx, the NetworkManager file. Then check that nothing is left.")
public final class UninstallCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--keep-data", description = "Keep /var/lib/calyx (datastore, DEL queue) and /var/log/calyx.")
    boolean keepData;

    @Option(names = "--dry-run", description = "List what would be removed; change nothing.")
    boolean dryRun;

    @Option(names = "--cni-bin-dir", paramLabel = "DIR", description = "CNI plugin directory to clean (repeatable; "
            + "default: /usr/lib/cni and /opt/cni/bin).")
    List<Path> cniBinDirs = new java.util.ArrayList<>();

    @Option(names = "--cni-conf-dir", paramLabel = "DIR", description = "CNI config directory (default: "
            + "/etc/cni/net.d).")
    Path cniConfDir;

    @Option(names = "--shim-dir", paramLabel = "DIR", description = "Shim directory (default: /opt/calyx/cni).")
    Path shimDir;

    @Option(names = "--host-root", hidden = true, paramLabel = "DIR", description = "Host files under DIR (tests).")
    Path hostRoot;

    @Option(names = "--netns", hidden = true, paramLabel = "NAME", description = "Clean this named network namespace "
            + "instead of the current one (tests).")
    String netns;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() throws Exception {
        Outputs.check(spec, output);
        HostLayout layout = layout();
        Optional<Path> nsPath = Optional.ofNullable(netns).map(n -> Netns.RUN_DIR.resolve(n));
        try (RtNetlink nl = netns == null ? FfmRtNetlink.open() : openIn(netns);
             NftBackend nft = NftBackends.create(nsPath)) {
            Uninstaller u = new Uninstaller(layout, new KernelTraces(nl, nft), keepData);
            PrintWriter out = spec.commandLine().getOut();
            if (dryRun) {
                List<String> plan = u.plan();
                print(out, Map.of("dryRun", true, "wouldRemove", plan), plan.isEmpty()
                        ? "nothing of calyx found" : "would remove:\n  " + String.join("\n  ", plan));
                return 0;
            }
            Uninstaller.Outcome o = u.run();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dryRun", false);
            doc.put("removed", o.removed());
            doc.put("failures", o.failures());
            doc.put("remaining", o.remaining());
            StringBuilder text = new StringBuilder();
            o.removed().forEach(r -> text.append("- ").append(r).append('\n'));
            o.failures().forEach(f -> text.append("! ").append(f).append('\n'));
            if (o.remaining().isEmpty()) {
                text.append(o.removed().isEmpty() ? "nothing of calyx was installed; " : "")
                        .append("verified: nothing of calyx remains");
            } else {
                text.append("still present after uninstall:\n  ").append(String.join("\n  ", o.remaining()));
            }
            print(out, doc, text.toString());
            return o.clean() ? 0 : 1;
        }
    }

    private static RtNetlink openIn(String name) {
        try (Netns ns = Netns.open(name)) {
            return FfmRtNetlink.openIn(ns);
        }
    }

    private void print(PrintWriter out, Map<String, Object> doc, String text) throws Exception {
        out.println(output.equals("json")
                ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) : text);
        out.flush();
    }

    HostLayout layout() {
        HostLayout l = hostRoot == null ? HostLayout.host() : HostLayout.under(hostRoot);
        if (!cniBinDirs.isEmpty()) {
            l = l.withCniBinDirs(cniBinDirs);
        }
        if (cniConfDir != null) {
            l = l.withCniConfDir(cniConfDir);
        }
        if (shimDir != null) {
            l = l.withShimDir(shimDir);
        }
        return l;
    }
}
