package dev.calyx.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.datastore.resource.ResourceClient;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.Kind;
import dev.calyx.model.codec.ResourceCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** List-then-watch over a real embedded store: the listing, then InSync, then changes in order. */
class PolicySyncerTest {
    @TempDir
    Path tmp;

    private static final String POLICY = """
            {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"%s","namespace":"x"},
             "spec":{"podSelector":{},"policyTypes":["Ingress"]}}""";

    @Test
    void listsThenSignalsInSyncThenFollowsChanges() throws Exception {
        try (KvStore kv = KvStores.open(DatastoreConfig.parse("embedded:" + tmp.resolve("db")))) {
            Resources resources = new Resources(kv);
            resources.apply(ResourceCodec.INSTANCE.decode(POLICY.formatted("before"), "t"));
            List<PolicyUpdate> seen = new CopyOnWriteArrayList<>();
            try (PolicySyncer syncer = new PolicySyncer(new ResourceClient(kv), seen::addAll)) {
                syncer.start();
                int inSync = indexOfInSync(seen);
                assertThat(seen.subList(0, inSync)).anySatisfy(u -> assertThat(u)
                        .isInstanceOfSatisfying(PolicyUpdate.Put.class,
                                p -> assertThat(p.resource().metadata().name()).isEqualTo("before")));
                resources.apply(ResourceCodec.INSTANCE.decode(POLICY.formatted("after"), "t"));
                resources.delete(Kind.KUBERNETES_NETWORK_POLICY, "x", "before", null);
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (seen.size() < inSync + 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(seen.subList(inSync + 1, seen.size())).containsExactly(
                        seen.get(inSync + 1), new PolicyUpdate.Removed(Kind.KUBERNETES_NETWORK_POLICY, "x", "before"));
                assertThat(((PolicyUpdate.Put) seen.get(inSync + 1)).resource().metadata().name()).isEqualTo("after");
            }
        }
    }

    private static int indexOfInSync(List<PolicyUpdate> updates) {
        for (int i = 0; i < updates.size(); i++) {
            if (updates.get(i) instanceof PolicyUpdate.InSync) {
                return i;
            }
        }
        throw new AssertionError("no InSync in " + updates);
    }
}
