package dev.calyx.lab;

import dev.calyx.model.KubernetesNetworkPolicy;

import java.util.Map;

/**
 * The sink used until the policy dataplane exists: accepts everything and enforces nothing, and says so, so that a
 * conformance run reports honestly why policies have no effect.
 */
public final class NoPolicySink implements PolicySink {
    @Override
    public boolean enforces() {
        return false;
    }

    @Override
    public String description() {
        return "no policy dataplane connected: policies are accepted but NOT enforced";
    }

    @Override
    public void applyNamespace(String name, Map<String, String> labels) {}

    @Override
    public void applyPod(Pod pod, PodSpec spec, Map<String, String> labels) {}

    @Override
    public void applyPolicy(KubernetesNetworkPolicy policy) {}

    @Override
    public void deletePolicy(PolicyRef policy) {}
}
