package dev.calyx.ipam;

import dev.calyx.testkit.FakeKvStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** A FakeKvStore with pools, nodes and a settable clock, shared by the IPAM unit tests. */
final class IpamFixture {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T00:00:00Z"));
    final InstantSource clock = now::get;
    final FakeKvStore kv = new FakeKvStore(clock);
    final List<PoolSpec> pools = new ArrayList<>();
    final IpamClient ipam = new IpamClient(kv, () -> List.copyOf(pools), new CalicoNodeSelector(), clock);
    final IpamStore store = ipam.store();

    IpamFixture pool(PoolSpec p) {
        pools.add(p);
        return this;
    }

    IpamFixture node(String name, Map<String, String> labels) {
        kv.put(IpamKeys.node(name), NodeDirectory.nodeResource(name, labels));
        return this;
    }

    IpamFixture node(String name) {
        return node(name, Map.of());
    }

    void workloadEndpoint(String ns, String pod, String node, IpAddr ip) {
        String name = node + "-k8s-" + pod + "-eth0";
        String json = "{\"kind\":\"WorkloadEndpoint\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns
                + "\"},\"spec\":{\"node\":\"" + node + "\",\"pod\":\"" + pod + "\",\"ipNetworks\":[\"" + ip
                + "/" + ip.family().bits() + "\"]}}";
        kv.put(IpamKeys.WORKLOAD_ENDPOINTS + ns + "/" + name, json.getBytes(StandardCharsets.UTF_8));
    }

    void reserve(String name, String... cidrs) {
        StringBuilder sb = new StringBuilder("{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"reservedCIDRs\":[");
        for (int i = 0; i < cidrs.length; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(cidrs[i]).append('"');
        }
        kv.put(IpamKeys.IPRESERVATIONS + name, sb.append("]}}").toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> podAttrs(String ns, String pod, String node) {
        return Map.of("namespace", ns, "pod", pod, "node", node);
    }

    AssignResult assign(String handle, String node, int n) {
        return ipam.assign(AssignRequest.ipv4(handle, node, n, podAttrs("default", handle, node)));
    }

    IpamBlock block(String cidr) {
        return store.block(Cidr.parse(cidr)).orElseThrow().value();
    }
}
