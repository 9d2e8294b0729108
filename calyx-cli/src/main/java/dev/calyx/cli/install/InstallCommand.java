package dev.calyx.cli.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code calyx install}: thin; {@link Installer} does the work. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = "Install the calyx CNI plugin on this host: build the shim, place the 'calyx' plugin in the "
                + "CNI bin dirs, write 10-calyx.conflist and (if NetworkManager is present) its unmanaged-devices "
                + "file; record all of it for 'calyx uninstall'.")
public final class InstallCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--cni-bin-dir", paramLabel = "DIR", description = "CNI plugin directory (repeatable; default: "
            + "/usr/lib/cni for podman and /opt/cni/bin for kubelet).")
    List<Path> cniBinDirs = new ArrayList<>();

    @Option(names = "--cni-conf-dir", paramLabel = "DIR", description = "CNI config directory (default: "
            + "/etc/cni/net.d).")
    Path cniConfDir;

    @Option(names = "--shim-dir", paramLabel = "DIR", description = "Where the shim is built (default: "
            + "/opt/calyx/cni).")
    Path shimDir;

    @Option(names = "--cni-socket", paramLabel = "PATH", description = "Agent socket the shim forwards to "
            + "(default: /var/run/calyx/cni.sock).")
    Path socket;

    @Option(names = "--del-queue", paramLabel = "DIR", description = "Where the shim queues DELs while the agent is "
            + "down (default: /var/lib/calyx/cni-queue).")
    Path delQueue;

    @Option(names = "--mtu", defaultValue = "0", paramLabel = "BYTES", description = "Workload MTU written to the "
            + "conflist; 0 lets the agent derive it from the host (default).")
    int mtu;

    @Option(names = "--host-root", hidden = true, paramLabel = "DIR", description = "Install under DIR instead of "
            + "/ (tests).")
    Path hostRoot;

    @Option(names = "--dry-run", description = "Show what would be installed; change nothing.")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() throws Exception {
        Outputs.check(spec, output);
        if (mtu < 0) {
            throw new ParameterException(spec.commandLine(), "--mtu: " + mtu + " is negative (0 means auto)");
        }
        HostLayout layout = layout();
        Installer installer = new Installer(layout, ShimBuild::build, socket == null ? layout.cniSocket() : socket,
                delQueue == null ? layout.delQueue() : delQueue, mtu);
        List<String> log = new ArrayList<>();
        List<Installer.Step> steps = installer.install(dryRun, log);
        PrintWriter out = spec.commandLine().getOut();
        if (output.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dryRun", dryRun);
            doc.put("steps", steps.stream().map(s -> Map.of("action", s.action(), "path", s.path().toString(),
                    "changed", s.changed())).toList());
            doc.put("shimBuild", log);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            log.forEach(l -> out.println("  " + l));
            steps.forEach(s -> out.println((s.changed() ? "+ " : "= ") + s));
            out.println(dryRun ? "dry run: nothing changed" : "calyx installed; start the agent with 'calyx node run'");
        }
        out.flush();
        return 0;
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
