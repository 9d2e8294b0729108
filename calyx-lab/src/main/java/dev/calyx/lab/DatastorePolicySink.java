package dev.calyx.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Kind;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.Resource;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.k8s.PodConversion;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the lab's policies and labels where the node agents look: KubernetesNetworkPolicy and Namespace resources,
 * and pod labels as the labels of the pod's WorkloadEndpoint (Calico's own {@code projectcalico.org/namespace} and
 * {@code projectcalico.org/orchestrator} labels kept) with the pod's named container ports on its
 * {@code spec.ports}, as Calico's pod conversion puts them.
 *
 * <p>Thread safety: one caller at a time (the conformance runner).
 */
public final class DatastorePolicySink implements PolicySink {
    private final KvStore store;
    private final Resources resources;
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    public DatastorePolicySink(DatastoreConfig datastore) {
        this.store = KvStores.open(datastore);
        this.resources = new Resources(store);
    }

    @Override
    public boolean enforces() {
        return true;
    }

    @Override
    public String description() {
        return "calyx node agents (datastore → calc graph → nft), one per lab node";
    }

    @Override
    public void applyNamespace(String name, Map<String, String> labels) {
        ObjectNode ns = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        ns.put("apiVersion", "v1").put("kind", "Namespace");
        ObjectNode meta = ns.putObject("metadata");
        meta.put("name", name);
        ObjectNode l = meta.putObject("labels");
        l.put("kubernetes.io/metadata.name", name);
        labels.forEach(l::put);
        resources.apply(codec.decode(ns.toString(), "namespace " + name));
    }

    @Override
    public void applyPod(Pod pod, PodSpec spec, Map<String, String> labels) {
        WorkloadEndpoint wep = resources.list(Kind.WORKLOAD_ENDPOINT, pod.ref().namespace()).stream()
                .map(WorkloadEndpoint.class::cast)
                .filter(w -> w.spec() != null && pod.ref().name().equals(w.spec().pod()))
                .findFirst().orElseThrow(() -> new LabException("pod " + pod.ref()
                        + ": no WorkloadEndpoint in the datastore (was it attached through the agent?)"));
        ObjectNode tree = codec.toTree(wep);
        ObjectNode meta = (ObjectNode) tree.get("metadata");
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(PodConversion.NAMESPACE_LABEL, pod.ref().namespace());
        all.put(PodConversion.ORCHESTRATOR_LABEL, "k8s");
        ObjectNode l = meta.putObject("labels");
        all.forEach(l::put);
        ArrayNode ports = ((ObjectNode) tree.get("spec")).putArray("ports");
        for (ContainerPort p : spec.ports()) {
            if (p.name() != null && !p.name().isEmpty()) {
                ports.addObject().put("name", p.name()).put("protocol", p.protocol().name()).put("port", p.port());
            }
        }
        meta.remove("resourceVersion");
        resources.apply(codec.decode(tree.toString(), "WorkloadEndpoint of pod " + pod.ref()));
    }

    @Override
    public void applyPolicy(KubernetesNetworkPolicy policy) {
        resources.apply(policy);
    }

    @Override
    public void deletePolicy(PolicyRef policy) {
        try {
            resources.delete(Kind.KUBERNETES_NETWORK_POLICY, policy.namespace(), policy.name(), null);
        } catch (KeyNotFoundException e) {
            // already gone: deletes are idempotent for the runner
        }
    }

    /** For tests: every resource of {@code kind}. */
    public java.util.List<Resource> list(Kind kind) {
        return resources.list(kind, null);
    }

    @Override
    public void close() {
        store.close();
    }
}
