package dev.calyx.cli.lab;

import dev.calyx.lab.AgentPodNetwork;
import dev.calyx.lab.DatastorePolicySink;
import dev.calyx.lab.LabConfig;
import dev.calyx.lab.LabState;
import dev.calyx.lab.PodRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code calyx lab label ns NAME k=v k2-} / {@code calyx lab label pod NS/NAME k=v}: changes labels the way
 * {@code kubectl label --overwrite} does ({@code k-} removes). Recorded in the lab state; until a policy dataplane
 * is connected nothing acts on them, and the command says so.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Set (k=v) or remove (k-) labels of a lab namespace or pod.",
            "Example: calyx lab label pod x/a team=blue   calyx lab label ns y ns2=updated env-"})
public final class LabLabelCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabOptions lab;

    @Parameters(index = "0", paramLabel = "ns|pod", description = "What to label: ns or pod.")
    String kind;

    @Parameters(index = "1", paramLabel = "NAME", description = "Namespace name, or pod as namespace/name.")
    String name;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "k=v|k-", description = "Label changes.")
    List<String> changes;

    @Override
    public Integer call() {
        LabConfig config = lab.config();
        LabState state = lab.requireState();
        LabState updated;
        Map<String, String> result;
        switch (kind) {
            case "ns", "namespace" -> {
                Map<String, String> now = state.namespaceLabels().get(name);
                if (now == null) {
                    throw new ParameterException(spec.commandLine(), "namespace '" + name + "': not in the lab "
                            + state.namespaceLabels().keySet());
                }
                result = change(now);
                updated = state.withNamespaceLabels(name, result);
            }
            case "pod" -> {
                PodRef ref;
                try {
                    ref = PodRef.parse(name);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
                LabState.PodState pod = state.pod(ref).orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "pod '" + name + "': not in the lab"));
                result = change(pod.labels());
                updated = state.withPodLabels(ref, result);
            }
            default -> throw new ParameterException(spec.commandLine(), "kind '" + kind + "': want ns or pod");
        }
        updated.save(config.stateFile());
        boolean sent = AgentPodNetwork.hasAgents(config);
        if (sent) {
            try (DatastorePolicySink sink = new DatastorePolicySink(AgentPodNetwork.datastore(config))) {
                if (kind.equals("pod")) {
                    LabState.PodState pod = updated.pod(PodRef.parse(name)).orElseThrow();
                    sink.applyPod(pod.pod(), pod.spec(), result);
                } else {
                    sink.applyNamespace(name, result);
                }
            }
        }
        spec.commandLine().getOut().println(kind + " " + name + " labels " + new TreeMap<>(result)
                + (sent ? " (written to the lab's datastore; the agents apply them)"
                        : " (recorded; this lab has no agents to act on them)"));
        return 0;
    }

    private Map<String, String> change(Map<String, String> labels) {
        Map<String, String> out = new HashMap<>(labels);
        for (String c : changes) {
            if (c.endsWith("-") && !c.contains("=")) {
                out.remove(c.substring(0, c.length() - 1));
            } else if (c.indexOf('=') > 0) {
                out.put(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1));
            } else {
                throw new ParameterException(spec.commandLine(), "label change '" + c + "': want k=v or k-");
            }
        }
        return out;
    }
}
