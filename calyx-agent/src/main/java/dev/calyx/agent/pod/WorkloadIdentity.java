package dev.calyx.agent.pod;

import dev.calyx.agent.cni.CniArgs;
import dev.calyx.agent.cni.CniRequest;
import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.model.k8s.PodConversion;
import dev.calyx.model.k8s.WorkloadNames;
import java.util.Objects;

/**
 * Who a CNI request is for, the way Calico derives it ({@code utils.go:GetIdentifiers}): with K8S_POD_NAME the
 * orchestrator is {@code k8s} and the namespace K8S_POD_NAMESPACE or {@code default} (podman sends only the
 * container name as K8S_POD_NAME); without it the orchestrator is {@code cni} and the workload the container ID.
 *
 * <p>Every name the agent derives for the attachment comes from here, so ADD and a later DEL (which carries the
 * same CNI_ARGS, possibly replayed from the DEL queue) agree without any local state.
 */
public record WorkloadIdentity(String orchestrator, String namespace, String workload, String containerId,
                               String ifName, String network) {
    public static final String ORCHESTRATOR_CNI = "cni";
    public static final String DEFAULT_NAMESPACE = "default";
    public static final String PRIMARY_IFNAME = "eth0";

    public WorkloadIdentity {
        Objects.requireNonNull(orchestrator, "orchestrator");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(ifName, "ifName");
        Objects.requireNonNull(network, "network");
    }

    public static WorkloadIdentity of(CniRequest request) {
        CniArgs args = request.args();
        String network = request.conf().name();
        return args.get(CniArgs.K8S_POD_NAME)
                .map(pod -> new WorkloadIdentity(PodConversion.ORCHESTRATOR_K8S,
                        args.get(CniArgs.K8S_POD_NAMESPACE).orElse(DEFAULT_NAMESPACE), pod, request.containerId(),
                        request.ifName(), network))
                .orElseGet(() -> new WorkloadIdentity(ORCHESTRATOR_CNI, DEFAULT_NAMESPACE, request.containerId(),
                        request.containerId(), request.ifName(), network));
    }

    /** The identity a stored WorkloadEndpoint was written under, on {@code network}. */
    public static WorkloadIdentity of(dev.calyx.model.WorkloadEndpoint wep, String network) {
        var spec = wep.spec();
        boolean k8s = PodConversion.ORCHESTRATOR_K8S.equals(spec.orchestrator());
        return new WorkloadIdentity(spec.orchestrator(), wep.metadata().namespace(),
                k8s ? spec.pod() : spec.workload(), spec.containerID(), spec.endpoint(), network);
    }

    public boolean isKubernetes() {
        return orchestrator.equals(PodConversion.ORCHESTRATOR_K8S);
    }

    /**
     * Calico's host veth name; a second interface of the same pod (ifname other than eth0, which Calico does not
     * support) hashes the ifname in too, so the two attachments do not fight over one name.
     */
    public String hostVethName() {
        if (!ifName.equals(PRIMARY_IFNAME)) {
            return VethNames.forPod(namespace, workload + "." + ifName);
        }
        return isKubernetes() ? VethNames.forPod(namespace, workload) : VethNames.forContainer(containerId);
    }

    /** Calico's WorkloadEndpoint name ({@code <node>-k8s-<pod>-<ifname>} or {@code <node>-cni-<cid>-<ifname>}). */
    public String endpointName(String node) {
        return isKubernetes() ? WorkloadNames.kubernetesEndpointName(node, workload, ifName)
                : WorkloadNames.workloadEndpointName(node, ORCHESTRATOR_CNI, containerId, ifName);
    }

    /** Calico's IPAM handle {@code <network>.<containerID>}; extra interfaces get their own handle. */
    public String ipamHandle() {
        String handle = network + "." + containerId;
        return ifName.equals(PRIMARY_IFNAME) ? handle : handle + "." + ifName;
    }

    /** The attachment key the spec talks about: (containerID, ifname). */
    public String attachment() {
        return containerId + "/" + ifName;
    }
}
