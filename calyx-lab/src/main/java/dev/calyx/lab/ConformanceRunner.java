package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.model.KubernetesNetworkPolicy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Replays truth-table cases against running pods.
 *
 * <p>Per case: fresh state (no policies, the model's labels), then per step: apply (placeholders substituted), delete,
 * relabel, and for each probe: poll until it matches or the convergence timeout passes, then record the differing
 * cells. A case that throws is recorded as failed with the error, and the next case still starts clean.
 *
 * <p>State: the runner remembers which policies it applied and which labels it changed, so that resetting sends only
 * what is needed to the sink. Single-threaded.
 */
public final class ConformanceRunner {
    private final LabModel model;
    private final List<Pod> pods;
    private final PolicySink sink;
    private final Prober prober;
    private final Convergence convergence;
    private final Set<PolicyRef> applied = new LinkedHashSet<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    private final Map<PodRef, Map<String, String>> podLabels = new HashMap<>();

    public ConformanceRunner(LabModel model, List<Pod> pods, PolicySink sink, Prober prober,
                             Convergence convergence) {
        this.model = model;
        this.pods = List.copyOf(pods);
        this.sink = sink;
        this.prober = prober;
        this.convergence = convergence;
        if (!pods.stream().map(Pod::ref).toList().equals(model.order())) {
            throw new IllegalArgumentException("pods " + pods.stream().map(Pod::ref).toList()
                    + " are not the model's order " + model.order());
        }
        model.namespaces().forEach(n -> setNamespaceLabels(n.name(), n.labels()));
        model.pods().forEach(p -> setPodLabels(p.ref(), p.labels()));
    }

    /** Runs every case in order, reporting each as it finishes. */
    public List<CaseResult> runAll(List<ConformanceCase> cases, Consumer<CaseResult> onResult) {
        List<CaseResult> out = new ArrayList<>();
        for (ConformanceCase c : cases) {
            CaseResult r = run(c);
            onResult.accept(r);
            out.add(r);
        }
        return out;
    }

    public CaseResult run(ConformanceCase c) {
        List<CaseResult.ProbeResult> results = new ArrayList<>();
        try {
            reset();
            for (int i = 0; i < c.steps().size(); i++) {
                runStep(c, i + 1, c.steps().get(i), results);
            }
            return new CaseResult(c, results, Optional.empty());
        } catch (RuntimeException e) {
            return new CaseResult(c, results, Optional.of(e.getMessage()));
        } finally {
            reset();
        }
    }

    private void runStep(ConformanceCase c, int index, Step step, List<CaseResult.ProbeResult> results) {
        String where = c.source() + " step " + index;
        for (JsonNode raw : step.apply()) {
            KubernetesNetworkPolicy policy = PolicyDecoding.decode(Placeholders.substitute(raw, this::ipOf), where);
            sink.applyPolicy(policy);
            applied.add(new PolicyRef(policy.metadata().namespace(), policy.metadata().name()));
        }
        for (PolicyRef ref : step.delete()) {
            sink.deletePolicy(ref);
            applied.remove(ref);
        }
        for (Relabel r : step.relabel()) {
            relabel(r, where);
        }
        for (ProbeSpec probe : step.probes()) {
            Matrix observed = convergence.await(() -> prober.probe(pods, probe.port(), probe.protocol()),
                    probe.expect(), c.ignoreLoopback());
            results.add(new CaseResult.ProbeResult(index, probe, observed,
                    probe.expect().diff(observed, c.ignoreLoopback())));
        }
    }

    private void relabel(Relabel r, String where) {
        if (r.kind() == Relabel.Kind.Namespace) {
            Map<String, String> now = namespaceLabels.get(r.name());
            if (now == null) {
                throw new LabFormatException(where + ": relabel of unknown namespace " + r.name());
            }
            setNamespaceLabels(r.name(), r.applyTo(now));
        } else {
            PodRef ref = new PodRef(r.namespace(), r.name());
            Map<String, String> now = podLabels.get(ref);
            if (now == null) {
                throw new LabFormatException(where + ": relabel of unknown pod " + ref);
            }
            setPodLabels(ref, r.applyTo(now));
        }
    }

    /** No policies, the model's labels. */
    private void reset() {
        for (PolicyRef ref : List.copyOf(applied)) {
            sink.deletePolicy(ref);
            applied.remove(ref);
        }
        for (NamespaceSpec n : model.namespaces()) {
            if (!n.labels().equals(namespaceLabels.get(n.name()))) {
                setNamespaceLabels(n.name(), n.labels());
            }
        }
        for (PodSpec p : model.pods()) {
            if (!p.labels().equals(podLabels.get(p.ref()))) {
                setPodLabels(p.ref(), p.labels());
            }
        }
    }

    private void setNamespaceLabels(String name, Map<String, String> labels) {
        sink.applyNamespace(name, labels);
        namespaceLabels.put(name, labels);
    }

    private void setPodLabels(PodRef ref, Map<String, String> labels) {
        sink.applyPod(pod(ref), model.pod(ref).orElseThrow(), labels);
        podLabels.put(ref, labels);
    }

    private Pod pod(PodRef ref) {
        return pods.stream().filter(p -> p.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new LabFormatException("no pod " + ref + " in the lab"));
    }

    private InetAddress ipOf(PodRef ref) {
        return pod(ref).ip();
    }
}
