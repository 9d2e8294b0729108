package dev.calyx.model.k8s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Calico's names for workload endpoints and their host-side veths (calico.md §1.4), so every component that
 * derives them (CNI, agent, CLI) agrees with Calico and with each other.
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

    /**
     * Host-side veth of a Kubernetes pod: the first interface prefix (of a comma list, default {@code cali}) plus
     * the first 11 hex digits of SHA-1({@code namespace + "." + pod}); 15 characters with {@code cali}.
     */
    public static String vethName(String interfacePrefix, String namespace, String pod) {
        String prefix = interfacePrefix == null || interfacePrefix.isEmpty() ? "cali" : interfacePrefix.split(",")[0];
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((namespace + "." + pod).getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest).substring(0, 11);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available in the JDK", e);
        }
    }
}
