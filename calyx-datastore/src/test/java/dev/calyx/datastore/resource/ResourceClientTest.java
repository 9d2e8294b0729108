package dev.calyx.datastore.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.sqlite.SqliteKvStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resource client over the real embedded store. */
class ResourceClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ResourceKey POOL = ResourceKey.cluster("ippools", "default-ipv4-ippool");
    private static final ResourceKey POLICY = ResourceKey.namespaced("networkpolicies", "prod", "allow-dns");
    private static final String POOL_JSON = """
            {"kind":"IPPool","apiVersion":"projectcalico.org/v3","metadata":{"name":"default-ipv4-ippool"},
             "spec":{"cidr":"10.244.0.0/16","vxlanMode":"Always","natOutgoing":true}}""";

    @TempDir
    Path dir;
    private SqliteKvStore store;
    private ResourceClient client;
    private final AtomicInteger uidCounter = new AtomicInteger();

    @BeforeEach
    void open() {
        store = SqliteKvStore.open(dir.resolve("calyx.db"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T03:04:05.678Z"), ZoneOffset.UTC);
        client = new ResourceClient(store, clock, () -> new UUID(0, uidCounter.incrementAndGet()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void createStoresUnderCalicosEtcdKeyAndFillsMetadata() throws Exception {
        StoredResource created = client.create(POOL, POOL_JSON);

        JsonNode meta = tree(created.json()).get("metadata");
        assertThat(meta.get("uid").asText()).isEqualTo(new UUID(0, 1).toString());
        assertThat(meta.get("creationTimestamp").asText()).isEqualTo("2026-11-22T03:04:05Z");
        assertThat(meta.get("resourceVersion").asText()).isEqualTo(created.resourceVersion());
        JsonNode raw = tree(store.get("/calico/resources/v3/projectcalico.org/ippools/default-ipv4-ippool")
                .orElseThrow().valueAsString());
        assertThat(raw.get("metadata").has("resourceVersion")).as("resourceVersion is never stored").isFalse();
        assertThat(raw.get("spec")).isEqualTo(tree(POOL_JSON).get("spec"));
        assertThat(client.get(POOL).orElseThrow()).isEqualTo(created);
        assertThatThrownBy(() -> client.create(POOL, POOL_JSON)).isInstanceOf(KeyExistsException.class)
                .hasMessageContaining("ippools/default-ipv4-ippool");
    }

    @Test
    void namespacedResourcesCarryTheirNamespace() throws Exception {
        StoredResource policy = client.create(POLICY, "{\"kind\":\"NetworkPolicy\",\"spec\":{}}");

        assertThat(store.get("/calico/resources/v3/projectcalico.org/networkpolicies/prod/allow-dns")).isPresent();
        assertThat(tree(policy.json()).get("metadata").get("namespace").asText()).isEqualTo("prod");
        assertThatThrownBy(() -> client.create(ResourceKey.namespaced("networkpolicies", "dev", "x"),
                "{\"metadata\":{\"namespace\":\"prod\"}}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("networkpolicies/dev/x").hasMessageContaining("namespace");
    }

    @Test
    void updateIsACompareAndSwapOnResourceVersionAndKeepsUidAndCreationTime() throws Exception {
        StoredResource v1 = client.create(POOL, POOL_JSON);
        ObjectNode edit = (ObjectNode) tree(v1.json());
        ((ObjectNode) edit.get("spec")).put("natOutgoing", false);
        ((ObjectNode) edit.get("metadata")).put("uid", "forged");

        StoredResource v2 = client.update(POOL, edit.toString());

        assertThat(v2.revision()).isGreaterThan(v1.revision());
        JsonNode stored = tree(client.get(POOL).orElseThrow().json());
        assertThat(stored.at("/spec/natOutgoing").asBoolean()).isFalse();
        assertThat(stored.at("/metadata/uid").asText()).isEqualTo(tree(v1.json()).at("/metadata/uid").asText());
        assertThat(stored.at("/metadata/creationTimestamp").asText()).isEqualTo("2026-11-22T03:04:05Z");
        assertThatThrownBy(() -> client.update(POOL, v1.json())).isInstanceOf(CasConflictException.class)
                .hasMessageContaining("ippools/default-ipv4-ippool").hasMessageContaining(v1.resourceVersion());
        assertThatThrownBy(() -> client.update(ResourceKey.cluster("ippools", "absent"), "{}"))
                .isInstanceOf(KeyNotFoundException.class).hasMessageContaining("ippools/absent");
    }

    @Test
    void applyCreatesThenOverwritesIgnoringResourceVersion() throws Exception {
        StoredResource created = client.apply(POOL, POOL_JSON);
        StoredResource overwritten = client.apply(POOL,
                POOL_JSON.replace("\"name\":\"default-ipv4-ippool\"", "\"resourceVersion\":\"999\""));

        assertThat(overwritten.revision()).isGreaterThan(created.revision());
        assertThat(tree(overwritten.json()).at("/metadata/uid")).isEqualTo(tree(created.json()).at("/metadata/uid"));
    }

    @Test
    void deleteChecksAnOptionalResourceVersion() {
        StoredResource v1 = client.create(POOL, POOL_JSON);
        StoredResource v2 = client.update(POOL, POOL_JSON);

        assertThatThrownBy(() -> client.delete(POOL, v1.resourceVersion())).isInstanceOf(CasConflictException.class);
        assertThat(client.delete(POOL, v2.resourceVersion()).revision()).isEqualTo(v2.revision());
        assertThatThrownBy(() -> client.delete(POOL, null)).isInstanceOf(KeyNotFoundException.class);
        assertThat(client.get(POOL)).isEmpty();
    }

    @Test
    void listByKindAndNamespace() {
        client.create(ResourceKey.namespaced("networkpolicies", "prod", "b"), "{}");
        client.create(ResourceKey.namespaced("networkpolicies", "prod", "a"), "{}");
        client.create(ResourceKey.namespaced("networkpolicies", "dev", "c"), "{}");
        client.create(ResourceKey.cluster("globalnetworkpolicies", "g"), "{}");

        assertThat(client.list("networkpolicies", "prod").items()).extracting(r -> r.key().name())
                .containsExactly("a", "b");
        assertThat(client.list("networkpolicies", null).items()).extracting(r -> r.key().toString())
                .containsExactly("networkpolicies/dev/c", "networkpolicies/prod/a", "networkpolicies/prod/b");
        assertThat(client.list("globalnetworkpolicies", null).resourceVersion())
                .isEqualTo(Long.toString(store.currentRevision()));
    }

    @Test
    void watchReportsAddedModifiedDeletedFromAListing() throws Exception {
        client.create(ResourceKey.cluster("ippools", "before"), "{}");
        ResourceList listing = client.list("ippools", null);
        List<ResourceEvent> events = new ArrayList<>();
        try (var w = client.watch("ippools", null, listing.resourceVersion(), new ResourceWatchListener() {
            @Override
            public void onEvents(List<ResourceEvent> batch) {
                synchronized (events) {
                    events.addAll(batch);
                    events.notifyAll();
                }
            }

            @Override
            public void onError(DatastoreException error) {}
        })) {
            StoredResource v1 = client.create(POOL, POOL_JSON);
            client.update(POOL, v1.json());
            client.delete(POOL, null);
            client.create(ResourceKey.cluster("bgppeers", "not-watched"), "{}");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            synchronized (events) {
                while (events.size() < 3 && System.nanoTime() < deadline) {
                    events.wait(100);
                }
            }
        }
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(ResourceEvent.Added.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(ResourceEvent.Modified.class,
                m -> assertThat(m.previous().resourceVersion()).isEqualTo(Long.toString(events.get(0).revision())));
        assertThat(events.get(2)).isInstanceOfSatisfying(ResourceEvent.Deleted.class,
                d -> assertThat(d.key()).isEqualTo(POOL));
    }

    @Test
    void keysRoundTripAndRejectBadSegments() {
        assertThat(ResourceKey.fromEtcdKey(POLICY.etcdKey())).isEqualTo(POLICY);
        assertThat(ResourceKey.fromEtcdKey(POOL.etcdKey())).isEqualTo(POOL);
        assertThatThrownBy(() -> ResourceKey.cluster("IPPools", "x")).hasMessageContaining("IPPools");
        assertThatThrownBy(() -> ResourceKey.cluster("ippools", "a/b")).hasMessageContaining("a/b");
        assertThatThrownBy(() -> client.create(POOL, "[1,2]")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> client.create(POOL, "{nope")).hasMessageContaining("invalid JSON");
    }
}
