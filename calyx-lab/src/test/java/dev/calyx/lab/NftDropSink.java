package dev.calyx.lab;

import dev.calyx.model.KubernetesNetworkPolicy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Test-only policy sink with a deliberately crude dataplane: every applied policy DROPS all forwarded traffic to the
 * pods its podSelector (matchLabels only) selects in its namespace, whatever its rules say (replies pass, by
 * conntrack). Enough to make a
 * default-deny-ingress case pass and to prove the prober reports 'X', nothing more. The whole table is rewritten
 * in every node namespace on each change with {@code ip netns exec NODE nft -f -}.
 */
final class NftDropSink implements PolicySink {
    private static final String TABLE = "calyx_lab_test";

    private final List<String> nodes;
    private final Map<String, KubernetesNetworkPolicy> policies = new LinkedHashMap<>();
    private final Map<PodRef, Map<String, String>> labels = new HashMap<>();
    private final Map<PodRef, Pod> pods = new HashMap<>();

    NftDropSink(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public boolean enforces() {
        return true;
    }

    @Override
    public String description() {
        return "test sink: drop everything to selected pods";
    }

    @Override
    public void applyNamespace(String name, Map<String, String> l) {}

    @Override
    public void applyPod(Pod pod, PodSpec spec, Map<String, String> l) {
        pods.put(pod.ref(), pod);
        labels.put(pod.ref(), l);
        sync();
    }

    @Override
    public void applyPolicy(KubernetesNetworkPolicy policy) {
        policies.put(policy.metadata().namespace() + "/" + policy.metadata().name(), policy);
        sync();
    }

    @Override
    public void deletePolicy(PolicyRef policy) {
        policies.remove(policy.toString());
        sync();
    }

    private void sync() {
        String targets = pods.values().stream().filter(this::selected)
                .map(p -> p.ip().getHostAddress()).sorted().collect(Collectors.joining(", "));
        String rule = targets.isEmpty() ? ""
                : "ct state established,related accept\n  ip daddr { " + targets + " } drop";
        String script = "table ip " + TABLE + "\ndelete table ip " + TABLE + "\ntable ip " + TABLE
                + " {\n chain lab_drop {\n  type filter hook forward priority 0; policy accept;\n  " + rule
                + "\n }\n}\n";
        nodes.forEach(n -> nft(n, script));
    }

    private boolean selected(Pod pod) {
        return policies.values().stream().anyMatch(p -> p.metadata().namespace().equals(pod.ref().namespace())
                && (p.spec().podSelector().matchLabels() == null
                || labels.get(pod.ref()).entrySet().containsAll(p.spec().podSelector().matchLabels().entrySet())));
    }

    private static void nft(String netns, String script) {
        try {
            Process p = new ProcessBuilder("ip", "netns", "exec", netns, "nft", "-f", "-")
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("nft in " + netns + " failed: " + out + "\n" + script);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
