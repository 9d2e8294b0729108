package dev.calyx.cli.lab;

import dev.calyx.lab.AgentPodNetwork;
import dev.calyx.lab.CaseResult;
import dev.calyx.lab.ConformanceCase;
import dev.calyx.lab.ConformanceReport;
import dev.calyx.lab.ConformanceRunner;
import dev.calyx.lab.Convergence;
import dev.calyx.lab.DatastorePolicySink;
import dev.calyx.lab.Lab;
import dev.calyx.lab.LabConfig;
import dev.calyx.lab.LabModel;
import dev.calyx.lab.LabState;
import dev.calyx.lab.NoPolicySink;
import dev.calyx.lab.Pod;
import dev.calyx.lab.PolicySink;
import dev.calyx.lab.Prober;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calyx lab conformance FILE|DIR...}: runs truth-table cases end to end and prints each case's PASS/FAIL with
 * the differing cells, then {@code N passed, M failed}; exit 0 only when every case passes.
 *
 * <p>Without a running lab it builds a temporary one in this process with a real node agent per node and the real
 * CNI shim ({@code Lab.upWithAgents}), writes policies and labels to the agents' datastore, and removes it all
 * afterwards; {@code --no-agents} wires pods without agents and enforces nothing (harness tests). Against a lab
 * from {@code calyx lab up} it writes to that lab's agents (run by its daemon), or enforces nothing when the lab
 * was built with {@code --no-agents}; the first line says which.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Run Kubernetes NetworkPolicy truth-table cases (files or directories of *.yaml).")
public final class LabConformanceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Case files or directories of them.")
    List<Path> paths;

    @Option(names = "--model", paramLabel = "FILE",
            description = "The cluster model (default: model.yaml next to, or one level above, the first path).")
    Path model;

    @Option(names = "--nodes", defaultValue = "2", paramLabel = "N",
            description = "Nodes of the temporary lab when none is up (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--poll-interval", defaultValue = "1", paramLabel = "SECONDS",
            description = "Re-probe interval while waiting for convergence (default: ${DEFAULT-VALUE}).")
    int pollInterval;

    @Option(names = "--poll-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long a probe may take to converge (default: ${DEFAULT-VALUE}).")
    int pollTimeout;

    @Option(names = "--no-agents", description = "Wire pods without node agents and enforce nothing (for testing "
            + "the harness itself).")
    boolean noAgents;

    @Option(names = {"-o", "--output"}, defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Override
    public Integer call() {
        if (pollInterval < 0 || pollTimeout < 0) {
            throw new ParameterException(spec.commandLine(), "--poll-interval/--poll-timeout must not be negative");
        }
        List<ConformanceCase> cases = ConformanceCase.loadAll(paths);
        LabModel m = LabModel.load(modelFile());
        LabConfig config = lab.config();
        PrintWriter w = spec.commandLine().getOut();
        Optional<LabState> running = LabState.load(config.stateFile());
        List<CaseResult> results;
        PolicySink sink;
        if (running.isPresent()) {
            sink = AgentPodNetwork.hasAgents(config) ? new DatastorePolicySink(AgentPodNetwork.datastore(config))
                    : new NoPolicySink();
            announce(w, sink);
            try {
                results = run(cases, m, inModelOrder(running.get(), m), sink, w);
            } finally {
                sink.close();
            }
        } else {
            try (Lab temporary = (noAgents ? Lab.up(config, m, nodes) : Lab.upWithAgents(config, m, nodes))
                    .serveInProcess(); PolicySink s = temporary.policySink()) {
                sink = s;
                announce(w, sink);
                results = run(cases, m, temporary.pods(), sink, w);
            }
        }
        if (output == OutputFormat.json) {
            w.println(Json.of(json(results, sink)));
        } else {
            w.println(ConformanceReport.summary(results));
        }
        return results.stream().allMatch(CaseResult::passed) ? 0 : 1;
    }

    private void announce(PrintWriter w, PolicySink sink) {
        if (output == OutputFormat.table) {
            w.println("policy dataplane: " + sink.description());
            w.flush();
        }
    }

    private List<CaseResult> run(List<ConformanceCase> cases, LabModel m, List<Pod> pods, PolicySink sink,
                                 PrintWriter w) {
        ConformanceRunner runner = new ConformanceRunner(m, pods, sink, new Prober(Duration.ofSeconds(1)),
                new Convergence(Duration.ofSeconds(pollInterval), Duration.ofSeconds(pollTimeout)));
        return runner.runAll(cases, r -> {
            if (output == OutputFormat.table) {
                w.print(ConformanceReport.describe(r));
                w.flush();
            }
        });
    }

    private static List<Pod> inModelOrder(LabState state, LabModel m) {
        List<Pod> out = new ArrayList<>();
        for (var ref : m.order()) {
            out.add(state.pod(ref).orElseThrow(() -> new IllegalStateException("the running lab has no pod " + ref
                    + " of the model: bring it down and up with this model")).pod());
        }
        return out;
    }

    private Path modelFile() {
        if (model != null) {
            return model;
        }
        Path first = paths.getFirst().toAbsolutePath();
        Path dir = Files.isDirectory(first) ? first : first.getParent();
        for (Path candidate : List.of(dir.resolve("model.yaml"), dir.getParent().resolve("model.yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ParameterException(spec.commandLine(), "no model.yaml next to or above " + first
                + ": give --model FILE");
    }

    private static Map<String, Object> json(List<CaseResult> results, PolicySink sink) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (CaseResult r : results) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.conformanceCase().id());
            c.put("slug", r.conformanceCase().slug());
            c.put("passed", r.passed());
            r.error().ifPresent(e -> c.put("error", e));
            List<Map<String, Object>> probes = new ArrayList<>();
            for (CaseResult.ProbeResult p : r.probes()) {
                Map<String, Object> pr = new LinkedHashMap<>();
                pr.put("step", p.step());
                pr.put("port", p.probe().port());
                pr.put("protocol", p.probe().protocol().name());
                pr.put("passed", p.passed());
                pr.put("differences", p.differences().stream().map(Object::toString).toList());
                probes.add(pr);
            }
            c.put("probes", probes);
            cases.add(c);
        }
        long passed = results.stream().filter(CaseResult::passed).count();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("policyDataplane", sink.description());
        out.put("enforced", sink.enforces());
        out.put("passed", passed);
        out.put("failed", results.size() - passed);
        out.put("cases", cases);
        return out;
    }
}
