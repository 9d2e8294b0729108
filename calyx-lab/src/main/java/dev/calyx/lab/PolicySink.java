package dev.calyx.lab;

import dev.calyx.model.KubernetesNetworkPolicy;

import java.util.Map;

/**
 * Where the lab sends what the policy dataplane must act on: NetworkPolicies, and the labels of namespaces and pods
 * that their selectors match. The full lab implements this by writing the Kubernetes resources to the datastore the
 * node agents watch.
 *
 * <p>Calls carry whole objects: {@link #applyPolicy} creates or replaces, {@link #applyNamespace} and
 * {@link #applyPod} set the complete label set (a relabel is sent as the new full set). The runner announces every
 * namespace and pod once before the first case, and after each case deletes what it applied and restores the
 * model's labels.
 */
public interface PolicySink extends AutoCloseable {
    /** Whether anything enforces what this sink receives; the runner says so loudly when not. */
    boolean enforces();

    /** One line for humans: what receives the policies. */
    String description();

    void applyNamespace(String name, Map<String, String> labels);

    void applyPod(Pod pod, PodSpec spec, Map<String, String> labels);

    void applyPolicy(KubernetesNetworkPolicy policy);

    void deletePolicy(PolicyRef policy);

    @Override
    default void close() {}
}
