package dev.calyx.ipam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an allocation's owner still exists, from one snapshot of Node and WorkloadEndpoint resources.
 *
 * <h2>Ownership rules (Calico's GC heuristics, kube-controllers {@code node/ipam.go}, adapted to calyx)</h2>
 * <ol>
 *   <li>tunnel addresses ({@code type} ends in {@code TunnelAddress}): owned while their node exists;</li>
 *   <li>pod addresses ({@code namespace} + {@code pod}): owned while a WorkloadEndpoint in that namespace names
 *       that pod (and that node, if the allocation names one) and lists the address in {@code ipNetworks}
 *       (an endpoint with no ipNetworks yet counts, as the CNI may not have written them); an allocation whose
 *       {@code node} attribute names a node without a Node resource is leaked;</li>
 *   <li>anything else (plain attribute sets, e.g. from {@code calyx ipam} or tests): owned while its handle
 *       exists and names the block, since the handle is the only owner such an allocation has.</li>
 * </ol>
 * Unlike Calico, a missing node does not skip the grace period: GC applies one grace period to every leak, so a
 * node agent that has not registered its Node resource yet cannot lose its addresses in an instant.
 */
final class OwnerIndex {
    private record Endpoint(String pod, String node, List<String> ips) {}

    private final Set<String> nodes;
    private final Map<String, List<Endpoint>> endpointsByNamespace = new HashMap<>();

    OwnerIndex(KvStore kv, NodeDirectory nodeDirectory) {
        this.nodes = nodeDirectory.existing();
        for (KeyValue v : kv.list(IpamKeys.WORKLOAD_ENDPOINTS).items()) {
            String rest = v.key().substring(IpamKeys.WORKLOAD_ENDPOINTS.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                continue;
            }
            JsonNode spec = IpamJson.tree(v.key(), v.value()).path("spec");
            List<String> ips = new ArrayList<>();
            spec.path("ipNetworks").forEach(n -> ips.add(n.asText().split("/")[0]));
            endpointsByNamespace.computeIfAbsent(rest.substring(0, slash), k -> new ArrayList<>())
                    .add(new Endpoint(spec.path("pod").asText(""), spec.path("node").asText(""), ips));
        }
    }

    boolean nodeExists(String node) {
        return nodes.contains(node);
    }

    /** Null if the allocation is owned; otherwise why it is not. {@code handleNamesBlock}: rule 3's test. */
    String whyLeaked(IpAddr ip, Map<String, String> attrs, String handleId, boolean handleNamesBlock) {
        String node = attrs.get("node");
        String type = attrs.getOrDefault("type", "");
        if (type.endsWith("TunnelAddress")) {
            String owner = node != null ? node : tunnelNodeFromHandle(handleId);
            return owner != null && nodeExists(owner) ? null : "tunnel address of node " + owner
                    + ", which does not exist";
        }
        String ns = attrs.get("namespace");
        String pod = attrs.get("pod");
        if (ns != null && pod != null) {
            if (node != null && !nodeExists(node)) {
                return "node " + node + " of pod " + ns + "/" + pod + " does not exist";
            }
            for (Endpoint e : endpointsByNamespace.getOrDefault(ns, List.of())) {
                boolean sameNode = node == null || e.node().isEmpty() || e.node().equals(node);
                if (e.pod().equals(pod) && sameNode && (e.ips().isEmpty() || e.ips().contains(ip.toString()))) {
                    return null;
                }
            }
            return "no WorkloadEndpoint of pod " + ns + "/" + pod + (node == null ? "" : " on node " + node)
                    + " has " + ip;
        }
        return handleNamesBlock ? null : "plain allocation whose handle " + handleId + " does not exist";
    }

    private static String tunnelNodeFromHandle(String handleId) {
        if (handleId == null) {
            return null;
        }
        int i = handleId.indexOf("-tunnel-addr-");
        return i < 0 ? null : handleId.substring(i + "-tunnel-addr-".length());
    }
}
