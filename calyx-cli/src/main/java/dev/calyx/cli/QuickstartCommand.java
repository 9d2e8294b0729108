package dev.calyx.cli;

import dev.calyx.cli.install.AgentProcess;
import dev.calyx.cli.install.HostLayout;
import dev.calyx.cli.install.Installer;
import dev.calyx.cli.install.KernelTraces;
import dev.calyx.cli.install.Podman;
import dev.calyx.cli.install.Quickstart;
import dev.calyx.cli.install.Uninstaller;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftBackends;
import dev.calyx.preflight.IpPrefix;
import dev.calyx.preflight.Mode;
import dev.calyx.preflight.Preflight;
import dev.calyx.preflight.PreflightContext;
import dev.calyx.preflight.PreflightReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calyx quickstart}: brings calyx up on this host in one go (preflight, install, background agent, two
 * demo containers pinging each other) and {@code --down} takes all of it away again. {@code ./calyx quickstart}
 * has installed the Debian packages and built calyx by the time this runs. The steps live in
 * {@link Quickstart}, {@link Installer} and {@link Uninstaller}; this class only sequences and prints them.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Bring calyx up on this host: preflight, install the CNI plugin, start the agent in the "
                + "background, start two demo containers on the calyx network. --down undoes all of it.")
public final class QuickstartCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--no-containers", description = "Everything but the demo containers.")
    boolean noContainers;

    @Option(names = "--down", description = "Stop the demo containers and the agent, then uninstall calyx.")
    boolean down;

    @Option(names = "--pool", converter = PreflightCommand.CidrConverter.class, paramLabel = "CIDR",
            description = "Default pool (default: 10.244.0.0/16, or the next free /16 if a host route overlaps it).")
    IpPrefix pool;

    @Option(names = "--health-port", defaultValue = "9099", paramLabel = "PORT",
            description = "Agent health port (default: ${DEFAULT-VALUE}).")
    int healthPort;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        HostLayout layout = HostLayout.host();
        Quickstart qs = new Quickstart(layout, Podman.forHost(), out, healthPort);
        try {
            return down ? down(qs, layout, out) : up(qs, layout, out);
        } finally {
            out.flush();
        }
    }

    private int up(Quickstart qs, HostLayout layout, PrintWriter out) {
        Optional<ProcessHandle> running = AgentProcess.running(layout.agentPidFile());
        IpPrefix chosen = null;
        if (running.isPresent()) {
            heading(out, "preflight");
            out.println("skipped: the calyx agent is already running (pid " + running.get().pid()
                    + "); it keeps its pool");
        } else {
            heading(out, "pool");
            chosen = qs.pool(Optional.ofNullable(pool));
            if (!preflight(chosen, out)) {
                return 1;
            }
        }
        install(layout, out);
        heading(out, "agent");
        if (!qs.startAgent(chosen)) {
            out.println("quickstart stopped: the agent did not become ready (./calyx quickstart --down cleans up)");
            return 1;
        }
        boolean pinged = true;
        if (!noContainers) {
            heading(out, "demo containers");
            pinged = qs.demo();
        }
        whatNext(qs, layout, out);
        return pinged ? 0 : 1;
    }

    private static boolean preflight(IpPrefix chosen, PrintWriter out) {
        heading(out, "preflight");
        PreflightReport report = Preflight.standard().run(PreflightContext.forHost(Mode.NONE)
                .withPools(List.of(chosen)));
        PreflightTable.print(report, List.of(), false, out);
        if (report.hasFailures()) {
            out.println("quickstart stopped: fix the FAIL rows above, then run ./calyx quickstart again");
        }
        return !report.hasFailures();
    }

    private static void install(HostLayout layout, PrintWriter out) {
        heading(out, "install");
        List<String> log = new ArrayList<>();
        List<Installer.Step> steps = Installer.forHost(layout).install(false, log);
        log.forEach(l -> out.println("  " + l));
        steps.forEach(s -> out.println((s.changed() ? "+ " : "= ") + s));
    }

    private static void whatNext(Quickstart qs, HostLayout layout, PrintWriter out) {
        heading(out, "what next");
        out.println("calyx is up; the agent keeps running in the background (" + layout.agentPidFile() + ").");
        out.println("  ./calyx get workloadendpoints -A      the containers calyx has wired");
        out.println("  ./calyx ipam show                     address usage of the pool");
        out.println("  podman " + String.join(" ", Podman.GLOBAL) + " run -it --rm --network calyx " + String.join(" ",
                Podman.RUN_LIMITS) + " " + String.join(" ", Podman.DEMO_CAPS) + " --rootfs " + qs.rootfs() + " sh");
        out.println("  ./calyx quickstart --down             remove the demo containers, stop the agent, uninstall");
    }

    private int down(Quickstart qs, HostLayout layout, PrintWriter out) {
        heading(out, "demo containers");
        List<String> removed = qs.removeDemo();
        out.println(removed.isEmpty() ? "no demo containers" : String.join("\n", removed));
        heading(out, "uninstall");
        try (FfmRtNetlink nl = FfmRtNetlink.open(); NftBackend nft = NftBackends.create(Optional.empty())) {
            Uninstaller.Outcome o = new Uninstaller(layout, new KernelTraces(nl, nft), false).run();
            o.removed().forEach(r -> out.println("- " + r));
            o.failures().forEach(f -> out.println("! " + f));
            if (o.remaining().isEmpty()) {
                out.println("verified: nothing of calyx remains");
            } else {
                out.println("still present:\n  " + String.join("\n  ", o.remaining()));
            }
            return o.clean() ? 0 : 1;
        }
    }

    private static void heading(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }
}
