package dev.calyx.cli.lab;

import dev.calyx.lab.AgentPodNetwork;
import dev.calyx.lab.Lab;
import dev.calyx.lab.LabConfig;
import dev.calyx.lab.LabModel;
import dev.calyx.lab.LabState;
import dev.calyx.lab.Pod;
import dev.calyx.lab.ServerDaemon;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calyx lab up --model FILE [--nodes N]}: builds the nodes and pods, then re-executes this CLI as a detached
 * {@code calyx lab serve} daemon that holds every pod's server sockets after this command exits.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Build the lab: nodes and pods as network namespaces, every pod serving TCP/UDP on its ports.")
public final class LabUpCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The cluster model (model.yaml).")
    Path model;

    @Option(names = "--nodes", defaultValue = "1", paramLabel = "N",
            description = "Nodes to spread the pods over, round-robin (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--no-agents", description = "Wire pods without node agents: nothing enforces policy (for "
            + "testing the harness itself).")
    boolean noAgents;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        LabConfig config = lab.config();
        Lab built = noAgents ? Lab.up(config, LabModel.load(model), nodes)
                : Lab.upWithAgents(config, LabModel.load(model), nodes);
        if (built.network() instanceof AgentPodNetwork agents) {
            agents.handOver(); // the daemon runs the agents from here on
        }
        long pid;
        try {
            pid = ServerDaemon.start(serveCommand(config), config.stateDir(), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            Lab.down(config);
            throw e;
        }
        LabState state = LabState.load(config.stateFile()).orElseThrow().withServerPid(pid);
        state.save(config.stateFile());
        print(built.pods(), state, pid);
        return 0;
    }

    private void print(List<Pod> pods, LabState state, long pid) {
        if (output == OutputFormat.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("prefix", state.prefix());
            out.put("nodes", state.nodes());
            out.put("serverPid", pid);
            out.put("pods", state.pods());
            spec.commandLine().getOut().println(Json.of(out));
            return;
        }
        var w = spec.commandLine().getOut();
        w.println("lab up: " + pods.size() + " pods on " + state.nodes().size() + " node(s), servers in pid " + pid);
        pods.forEach(p -> w.printf("  %-6s node%-3d %-15s %s%n", p.ref(), p.node(), p.ip().getHostAddress(),
                p.netns()));
    }

    /** The daemon may outlive this directory as its working directory: hand it absolute entries. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** This very CLI, re-executed as {@code lab serve} with the same lab options. */
    private List<String> serveCommand(LabConfig config) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-cp", absoluteClassPath(), "dev.calyx.cli.Main", "lab", "serve",
                "--state-dir=" + config.stateDir(), Lab.daemonMarker(config)));
        return cmd;
    }
}
