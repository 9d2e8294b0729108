package dev.calyx.cli.install;

import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.preflight.IpPrefix;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code calyx quickstart} and {@code --down}: the steps after preflight and install, i.e. the background agent
 * and the demo containers, and their teardown.
 *
 * <p>Design: every step prints one line as it happens, so a failure shows how far things got; failures throw
 * with the step's own words, and a failed agent start shows the tail of the agent's log, which is where the
 * real reason is. The agent keeps running after quickstart returns (detached, PID file), so {@code --down}
 * finds it by that PID only.
 */
public final class Quickstart {
    public static final List<String> DEMO = List.of("calyx-demo-a", "calyx-demo-b");

    private final HostLayout layout;
    private final Podman podman;
    private final PrintWriter out;
    private final int healthPort;

    public Quickstart(HostLayout layout, Podman podman, PrintWriter out, int healthPort) {
        this.layout = layout;
        this.podman = podman;
        this.out = out;
        this.healthPort = healthPort;
    }

    public Path rootfs() {
        return layout.stateDir().resolve("quickstart/rootfs");
    }

    /** The pool to use: the given one, or {@link PoolChoice} against the host's IPv4 routes. */
    public IpPrefix pool(Optional<IpPrefix> given) {
        if (given.isPresent()) {
            return given.get();
        }
        List<IpPrefix> routes = new ArrayList<>();
        try (FfmRtNetlink nl = FfmRtNetlink.open()) {
            for (Route r : nl.routes(IpFamily.V4)) {
                if (r.protocol() == KernelTraces.CALYX_ROUTE_PROTOCOL) {
                    continue; // calyx's own workload routes, left from an earlier run
                }
                routes.add(IpPrefix.parse(r.destination().toString()));
            }
        }
        PoolChoice choice = PoolChoice.pick(routes);
        out.println("pool: " + choice.pool() + choice.reason().map(r -> " (" + r + ")").orElse(
                " (no host route overlaps it)"));
        return choice.pool();
    }

    /** Starts the agent unless one is running; waits for readiness. Returns false (after showing the log) if not. */
    public boolean startAgent(IpPrefix pool) { // pool is only read when no agent runs yet
        Optional<ProcessHandle> running = AgentProcess.running(layout.agentPidFile());
        ProcessHandle agent;
        if (running.isPresent()) {
            agent = running.get();
            out.println("agent: already running (pid " + agent.pid() + ")");
        } else {
            List<String> args = List.of("node", "run", "--default-pool", pool.toString(), "--health-port",
                    Integer.toString(healthPort), "--cni-socket", layout.cniSocket().toString(), "--del-queue",
                    layout.delQueue().toString(), "--skip-preflight");
            long pid = AgentProcess.startDetached(AgentProcess.calyxCommand(args), layout.agentLog(),
                    layout.agentPidFile());
            out.println("agent: started 'calyx " + String.join(" ", args) + "' (pid " + pid + ", log "
                    + layout.agentLog() + ")");
            agent = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                    "agent (pid " + pid + ") exited at once; see " + layout.agentLog()));
        }
        out.flush();
        String url = "http://127.0.0.1:" + healthPort + "/readiness";
        if (AgentProcess.awaitReady(url, agent, Instant.now().plus(Duration.ofSeconds(120)))) {
            out.println("agent: ready (" + url + " answered 200)");
            return true;
        }
        out.println("agent: NOT ready (" + (agent.isAlive() ? "no 200 from " + url + " within 120 s"
                : "the process exited") + "); last lines of " + layout.agentLog() + ":");
        tail(layout.agentLog(), 30).forEach(l -> out.println("  | " + l));
        return false;
    }

    /** Starts the two demo containers, shows their addresses and a ping between them. */
    public boolean demo() {
        DemoRootfs.build(rootfs());
        removeDemo();
        List<String> ips = new ArrayList<>();
        for (String name : DEMO) {
            String id = podman.runDetached(name, Conflist.NETWORK_NAME, rootfs(), "sleep", "2147483647");
            String ip = podman.ipv4(name);
            ips.add(ip);
            out.println("container " + name + " (" + id.substring(0, Math.min(12, id.length())) + "): eth0 " + ip);
            out.flush();
        }
        Podman.Result ping = podman.call("exec", DEMO.get(0), "ping", "-c", "3", "-W", "2", ips.get(1));
        out.println("$ podman exec " + DEMO.get(0) + " ping -c 3 " + ips.get(1));
        ping.output().lines().forEach(l -> out.println("  " + l));
        return ping.ok();
    }

    /** Removes the demo containers (whether or not they exist); returns one line per container removed. */
    public List<String> removeDemo() {
        List<String> removed = new ArrayList<>();
        for (String name : DEMO) {
            if (podman.call("container", "exists", name).ok()) {
                Podman.Result r = podman.call("rm", "-f", "-t", "0", name);
                removed.add(r.ok() ? "removed container " + name : "podman rm -f " + name + " failed: " + r.output());
            }
        }
        return removed;
    }

    static List<String> tail(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.subList(Math.max(0, lines.size() - n), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }
}
