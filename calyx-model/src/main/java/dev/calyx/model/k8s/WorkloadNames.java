package dev.calyx.model.k8s;

/**
 * Calico's names for workload endpoints (calico.md §1.4), so every component that derives them (CNI, agent, CLI)
 * agrees with Calico and with each other. Host-side veth names are the dataplane's concern:
 * {@code dev.calyx.dataplane.endpoint.VethNames}.
 */
public final class WorkloadNames {
    private WorkloadNames() {
    }

    /**
     * WorkloadEndpoint name: segments joined by {@code -}, each with {@code -} escaped as {@code --};
     * {@code <node>-k8s-<pod>-<endpoint>} for Kubernetes ({@code node1-k8s-mypod--1-eth0}).
     */
    public static String workloadEndpointName(String node, String orchestrator, String workload, String endpoint) {
        return escape(node) + "-" + escape(orchestrator) + "-" + escape(workload) + "-" + escape(endpoint);
    }

    /** The Kubernetes form: orchestrator {@code k8s}, workload = pod name. */
    public static String kubernetesEndpointName(String node, String pod, String endpoint) {
        return workloadEndpointName(node, PodConversion.ORCHESTRATOR_K8S, pod, endpoint);
    }

    private static String escape(String segment) {
        return segment.replace("-", "--");
    }
}
