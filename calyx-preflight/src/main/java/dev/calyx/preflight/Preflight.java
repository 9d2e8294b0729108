package dev.calyx.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the preflight checks in a fixed order: cheap facts about the host first (architecture, kernel, privileges),
 * then kernel features, then the host's configuration (NetworkManager, firewalls, CNI configs), then the planned
 * network (pools, MTU) and the services it depends on (BIRD, etcd, ports).
 *
 * <p>A check that throws does not stop the run: its family becomes one FAIL row carrying the exception message,
 * because a preflight that crashes on an odd host tells the user nothing about the other checks.
 *
 * <p>Used by {@code calyx preflight} and, at start, by the node agent.
 */
public final class Preflight {
    private final List<Check> checks;

    public Preflight(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Every check, in report order. */
    public static Preflight standard() {
        return new Preflight(List.of(new ArchCheck(), new KernelVersionCheck(), new PrivilegeCheck(),
                new KernelFeatureCheck(), new NetworkManagerCheck(), new FirewallCheck(), new CniConfigCheck(),
                new PoolOverlapCheck(), new MtuCheck(), new BirdCheck(), new EtcdCheck(), new PortCheck()));
    }

    public PreflightReport run(PreflightContext ctx) {
        List<CheckResult> results = new ArrayList<>();
        for (Check c : checks) {
            results.addAll(runOne(c, ctx));
        }
        return new PreflightReport(results);
    }

    static List<CheckResult> runOne(Check c, PreflightContext ctx) {
        try {
            return c.run(ctx);
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return List.of(CheckResult.fail(c.name(), "check could not run: " + msg,
                    "fix the cause above and rerun calyx preflight (CALYX_DEBUG=1 for a trace)"));
        }
    }
}
