package dev.calyx.cli.lab;

import dev.calyx.lab.LabState;
import dev.calyx.lab.Matrix;
import dev.calyx.lab.Prober;
import dev.calyx.lab.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code calyx lab probe --port P --protocol TCP|UDP}: every pod to every pod, printed as the conformance cases
 * write their {@code expect} matrices ({@code -o json}: the same cells as data).
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Probe every pod from every pod on one port and protocol; print the reachability matrix.")
public final class LabProbeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "Server port, e.g. 80.")
    int port;

    @Option(names = "--protocol", defaultValue = "TCP", paramLabel = "TCP|UDP",
            description = "Protocol (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--timeout", defaultValue = "1", paramLabel = "SECONDS",
            description = "Per-probe timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        Protocol proto;
        try {
            proto = Protocol.parse(protocol);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--protocol: " + e.getMessage());
        }
        if (port < 1 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port " + port + ": out of range 1-65535");
        }
        if (timeoutSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--timeout " + timeoutSeconds + ": want at least 1 second");
        }
        LabState state = lab.requireState();
        Matrix m = new Prober(Duration.ofSeconds(timeoutSeconds)).probe(state.runningPods(), port, proto);
        var out = spec.commandLine().getOut();
        out.print(output == OutputFormat.json ? Json.of(json(m, proto)) + "\n" : m.render());
        out.flush();
        return 0;
    }

    /** {@code {port, protocol, pods: [...], connected: {from: {to: true|false}}, rows: ["X....", ...]}}. */
    private Map<String, Object> json(Matrix m, Protocol proto) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("port", port);
        out.put("protocol", proto.name());
        List<String> pods = new ArrayList<>();
        m.order().forEach(p -> pods.add(p.toString()));
        out.put("pods", pods);
        Map<String, Map<String, Boolean>> cells = new LinkedHashMap<>();
        for (var from : m.order()) {
            Map<String, Boolean> row = new LinkedHashMap<>();
            m.order().forEach(to -> row.put(to.toString(), m.connects(from, to)));
            cells.put(from.toString(), row);
        }
        out.put("connected", cells);
        out.put("rows", m.rows());
        return out;
    }
}
