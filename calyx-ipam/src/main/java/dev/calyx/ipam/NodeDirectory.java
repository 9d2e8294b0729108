package dev.calyx.ipam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Node resources ({@code /calico/resources/v3/projectcalico.org/nodes/<name>}) as IPAM sees them: whether a node
 * exists (GC) and its labels (pool nodeSelectors). A node with no resource has no labels.
 */
public final class NodeDirectory {
    private final KvStore kv;

    public NodeDirectory(KvStore kv) {
        this.kv = kv;
    }

    public Map<String, String> labels(String node) {
        Optional<KeyValue> v = kv.get(IpamKeys.node(node));
        Map<String, String> out = new TreeMap<>();
        if (v.isPresent()) {
            JsonNode labels = IpamJson.tree(v.get().key(), v.get().value()).path("metadata").path("labels");
            Iterator<Map.Entry<String, JsonNode>> it = labels.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    /** Names of every node that has a Node resource. */
    public Set<String> existing() {
        Set<String> out = new HashSet<>();
        for (KeyValue v : kv.list(IpamKeys.NODES).items()) {
            out.add(v.key().substring(IpamKeys.NODES.length()));
        }
        return out;
    }

    /** Writes a minimal Node resource; for tests and single-host setups that have no agent registering nodes yet. */
    public static byte[] nodeResource(String name, Map<String, String> labels) {
        Map<String, Object> meta = new TreeMap<>();
        meta.put("name", name);
        meta.put("labels", labels);
        return IpamJson.write(Map.of("kind", "Node", "apiVersion", "projectcalico.org/v3", "metadata", meta,
                "spec", Map.of()));
    }
}
