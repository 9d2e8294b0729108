package dev.calyx.ipam;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A node's allocator as a separate JVM, for the crash test: assigns {@code count} pod addresses one by one, writing
 * each pod's WorkloadEndpoint after its assignment (as the CNI plugin does), and prints "assigned N" after each, so
 * the test can SIGKILL it part-way through.
 *
 * <p>Usage: {@code AllocatorProcess <datastore-spec> <node> <count>}
 */
public final class AllocatorProcess {
    private AllocatorProcess() {}

    public static void main(String[] args) {
        String spec = args[0];
        String node = args[1];
        int count = Integer.parseInt(args[2]);
        try (KvStore kv = KvStores.open(DatastoreConfig.parse(spec))) {
            IpamClient ipam = IpamClient.over(kv);
            for (int i = 0; i < count; i++) {
                String pod = node + "-pod-" + i;
                IpAddr ip = ipam.assign(AssignRequest.ipv4("k8s-pod-network." + pod, node, 1,
                        Map.of("namespace", "default", "pod", pod, "node", node))).ipv4().getFirst();
                String wep = "{\"metadata\":{\"name\":\"" + pod + "\",\"namespace\":\"default\"},\"spec\":{\"node\":\""
                        + node + "\",\"pod\":\"" + pod + "\",\"ipNetworks\":[\"" + ip + "/32\"]}}";
                kv.put(IpamKeys.WORKLOAD_ENDPOINTS + "default/" + node + "-k8s-" + pod + "-eth0",
                        wep.getBytes(StandardCharsets.UTF_8));
                System.out.println("assigned " + (i + 1));
                System.out.flush();
            }
        }
        System.exit(0);
    }
}
