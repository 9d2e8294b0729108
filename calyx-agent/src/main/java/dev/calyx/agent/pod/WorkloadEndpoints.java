package dev.calyx.agent.pod;

import dev.calyx.dataplane.endpoint.WiredEndpoint;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.model.Kind;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Resource;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.k8s.PodConversion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WorkloadEndpoint resources of this node's pods, written the way Calico's CNI plugin writes them
 * (calico.md §1.3 steps 12-17): labels {@code projectcalico.org/namespace} and {@code projectcalico.org/orchestrator},
 * profile {@code kns.<namespace>}, {@code interfaceName} = the host veth, {@code endpoint} = CNI_IFNAME.
 *
 * <p>Thread-safe: stateless over {@link Resources}.
 */
public final class WorkloadEndpoints {
    private final Resources resources;
    private final String node;

    public WorkloadEndpoints(Resources resources, String node) {
        this.resources = resources;
        this.node = node;
    }

    public Optional<WorkloadEndpoint> find(WorkloadIdentity id) {
        return resources.get(Kind.WORKLOAD_ENDPOINT, id.namespace(), id.endpointName(node))
                .map(WorkloadEndpoint.class::cast);
    }

    public WorkloadEndpoint write(WorkloadIdentity id, WiredEndpoint wired, List<IpPrefix> addresses) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(PodConversion.NAMESPACE_LABEL, id.namespace());
        labels.put(PodConversion.ORCHESTRATOR_LABEL, id.orchestrator());
        ObjectMeta meta = ObjectMeta.namespaced(id.namespace(), id.endpointName(node)).withLabels(labels);
        String workload = id.isKubernetes() ? null : id.workload();
        String pod = id.isKubernetes() ? id.workload() : null;
        WorkloadEndpoint.Spec spec = new WorkloadEndpoint.Spec(id.orchestrator(), workload, node, id.containerId(),
                pod, id.ifName(), null, addresses.stream().map(PodResults::hostText).toList(), null, null, null,
                List.of("kns." + id.namespace()), wired.hostVethName(), wired.containerMac().toString(), null, null,
                null);
        Resource written = resources.apply(new WorkloadEndpoint(meta, spec)).resource();
        return (WorkloadEndpoint) written;
    }

    /** Deletes the endpoint if present; true when it was there. */
    public boolean delete(WorkloadIdentity id) {
        try {
            resources.delete(Kind.WORKLOAD_ENDPOINT, id.namespace(), id.endpointName(node), null);
            return true;
        } catch (KeyNotFoundException e) {
            return false;
        }
    }

    /** Every WorkloadEndpoint whose {@code spec.node} is this node. */
    public List<WorkloadEndpoint> onThisNode() {
        return resources.list(Kind.WORKLOAD_ENDPOINT, null).stream().map(WorkloadEndpoint.class::cast)
                .filter(w -> w.spec() != null && node.equals(w.spec().node())).toList();
    }
}
