package dev.calyx.cli.lab;

import dev.calyx.lab.LabConfig;
import dev.calyx.lab.LabNamespaces;
import dev.calyx.lab.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code calyx lab status}: the lab's nodes, pods (IP, namespace, labels), and whether its servers run. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the lab: nodes, pods with IPs and labels, namespace labels, server daemon.")
public final class LabStatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        LabConfig config = lab.config();
        Optional<LabState> state = LabState.load(config.stateFile());
        List<String> namespaces = LabNamespaces.existing(config.prefix());
        boolean serving = state.map(s -> s.serverPid() > 0 && ProcessHandle.of(s.serverPid())
                .map(ProcessHandle::isAlive).orElse(false)).orElse(false);
        PrintWriter w = spec.commandLine().getOut();
        if (output == OutputFormat.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("up", state.isPresent());
            out.put("serving", serving);
            out.put("namespaces", namespaces);
            state.ifPresent(s -> out.put("state", s));
            w.println(Json.of(out));
            return 0;
        }
        if (state.isEmpty()) {
            w.println("no lab is up" + (namespaces.isEmpty() ? "" : "; leftover namespaces " + namespaces
                    + " (remove them with 'calyx lab down')"));
            return 0;
        }
        LabState s = state.get();
        w.println("lab " + s.prefix() + ": " + s.nodes().size() + " node(s), " + s.pods().size() + " pods, servers "
                + (serving ? "running (pid " + s.serverPid() + ")" : "NOT running"));
        s.namespaceLabels().forEach((ns, labels) -> w.println("  namespace " + ns + " " + new TreeMap<>(labels)));
        s.pods().forEach(p -> w.printf("  pod %-6s node%-3d %-15s %-28s %s%n", p.ref(), p.node(), p.ip(), p.netns(),
                new TreeMap<>(p.labels())));
        return 0;
    }
}
