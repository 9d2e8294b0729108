package dev.calyx.agent.node;

import dev.calyx.preflight.CheckResult;
import dev.calyx.preflight.Mode;
import dev.calyx.preflight.Preflight;
import dev.calyx.preflight.PreflightContext;
import dev.calyx.preflight.PreflightReport;
import dev.calyx.preflight.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preflight checks at agent start. WARN rows are logged; FAIL rows of the checks without which the agent cannot
 * work at all (architecture, kernel, privileges, kernel features) stop the start with their fix; other FAIL rows
 * (a firewall, NetworkManager, a busy BGP port) are logged as errors, since they hurt some traffic but not the
 * agent's ability to serve CNI.
 */
public final class StartupPreflight {
    static final Set<String> BLOCKING = Set.of("arch", "kernel.version", "privileges", "kernel.features");
    private static final Logger LOG = LoggerFactory.getLogger(StartupPreflight.class);

    private StartupPreflight() {
    }

    public static void run(String datastore, Optional<Path> hostNetns, int healthPort, int metricsPort) {
        PreflightContext ctx = PreflightContext.forHost(Mode.NONE).withDatastore(datastore).withPorts(List.of());
        if (hostNetns.isPresent() && hostNetns.get().startsWith("/var/run/netns")) {
            ctx = ctx.withHostNetns(hostNetns.get().getFileName().toString());
        }
        PreflightReport report = Preflight.standard().run(ctx);
        StringBuilder blocking = new StringBuilder();
        for (CheckResult r : report.results()) {
            if (r.status() == Status.WARN) {
                LOG.warn("preflight {}: {} (fix: {})", r.name(), r.evidence(), r.fix());
            } else if (r.status() == Status.FAIL && BLOCKING.contains(r.name())) {
                LOG.error("preflight {}: {} (fix: {})", r.name(), r.evidence(), r.fix());
                blocking.append("\n  ").append(r.name()).append(": ").append(r.evidence()).append("\n    fix: ")
                        .append(r.fix());
            } else if (r.status() == Status.FAIL) {
                LOG.error("preflight {}: {} (fix: {}); starting anyway", r.name(), r.evidence(), r.fix());
            }
        }
        if (!blocking.isEmpty()) {
            throw new IllegalStateException("preflight failed; the node agent cannot run here:" + blocking);
        }
    }
}
