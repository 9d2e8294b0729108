package dev.calyx.datastore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calyx.datastore.KvStore;
import dev.calyx.model.Admission;
import dev.calyx.model.Kind;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Resource;
import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.defaults.Defaults;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to resources: the model's records over the raw-JSON {@link ResourceClient}.
 *
 * <p>The write path mirrors Calico's: defaults are applied, then the resource is validated (every problem named
 * with its field path), then it is written with compare-and-swap semantics. {@link #apply} reports whether it
 * created, updated or left the object unchanged; "unchanged" ignores the metadata the datastore owns
 * (resourceVersion, uid, creationTimestamp), so re-applying {@code get -o yaml} output is a no-op.
 *
 * <p>Storage: Calico's etcd layout, {@code /calico/resources/v3/projectcalico.org/<plural>/[<ns>/]<name>}. The
 * Kubernetes kinds calyx keeps itself when there is no Kubernetes API (NetworkPolicy, Namespace, Pod) live beside
 * them under {@link #storagePlural}.
 *
 * <p>Thread safety: stateless over a thread-safe store.
 */
public final class Resources {
    /** What {@link #apply} did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Applied(Outcome outcome, Resource resource) {}

    private static final List<String> SERVER_OWNED = List.of("resourceVersion", "uid", "creationTimestamp");

    private final ResourceClient client;
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    public Resources(KvStore store) {
        this(new ResourceClient(store));
    }

    public Resources(ResourceClient client) {
        this.client = client;
    }

    /** Calico's write path without the write: defaults, then validation (no I/O). */
    public static Resource prepare(Resource resource) {
        return Admission.admit(resource);
    }

    /** The key prefix segment of {@code kind}: Calico's plural, or a calyx plural for the Kubernetes kinds. */
    public static String storagePlural(Kind kind) {
        return switch (kind) {
            case KUBERNETES_NETWORK_POLICY -> "kubernetesnetworkpolicies";
            default -> kind.plural();
        };
    }

    public static ResourceKey keyOf(Resource resource) {
        ObjectMeta m = resource.metadata();
        Kind kind = resource.kind();
        return new ResourceKey(storagePlural(kind), kind.namespaced() ? m.namespace() : null, m.name());
    }

    /** Creates or updates; unchanged objects are not rewritten (their resourceVersion stays). */
    public Applied apply(Resource resource) {
        Resource r = prepare(resource);
        ResourceKey key = keyOf(r);
        Optional<StoredResource> current = client.get(key);
        if (current.isPresent() && sameContent(current.get().json(), r)) {
            return new Applied(Outcome.UNCHANGED, decode(current.get()));
        }
        StoredResource stored = client.apply(key, codec.encodeJsonCompact(r));
        return new Applied(current.isPresent() ? Outcome.UPDATED : Outcome.CREATED, decode(stored));
    }

    /** Creates; fails with {@link dev.calyx.datastore.KeyExistsException} if present. */
    public Resource create(Resource resource) {
        Resource r = prepare(resource);
        return decode(client.create(keyOf(r), codec.encodeJsonCompact(withoutResourceVersion(r))));
    }

    /**
     * Replaces an existing object; with {@code metadata.resourceVersion} set, only if it is still current
     * ({@link dev.calyx.datastore.CasConflictException}); fails with
     * {@link dev.calyx.datastore.KeyNotFoundException} if absent.
     */
    public Resource replace(Resource resource) {
        Resource r = prepare(resource);
        return decode(client.update(keyOf(r), codec.encodeJsonCompact(r)));
    }

    /** Deletes; with a non-null {@code resourceVersion} only if current. Returns the deleted object. */
    public Resource delete(Kind kind, String namespace, String name, String resourceVersion) {
        return decode(client.delete(key(kind, namespace, name), resourceVersion));
    }

    public Optional<Resource> get(Kind kind, String namespace, String name) {
        return client.get(key(kind, namespace, name)).map(this::decode);
    }

    /** Every object of {@code kind} in {@code namespace}, or in all namespaces when null, in key order. */
    public List<Resource> list(Kind kind, String namespace) {
        return client.list(storagePlural(kind), kind.namespaced() ? namespace : null).items().stream()
                .map(this::decode).toList();
    }

    private static ResourceKey key(Kind kind, String namespace, String name) {
        String ns = kind.namespaced() ? (namespace == null ? Defaults.DEFAULT_NAMESPACE : namespace) : null;
        return new ResourceKey(storagePlural(kind), ns, name);
    }

    private Resource decode(StoredResource stored) {
        return codec.decode(stored.json(), stored.key().toString());
    }

    private boolean sameContent(String storedJson, Resource candidate) {
        ObjectNode stored = (ObjectNode) codec.toTree(codec.decode(storedJson, "stored"));
        ObjectNode wanted = codec.toTree(candidate);
        stripServerOwned(stored);
        stripServerOwned(wanted);
        return stored.equals(wanted);
    }

    private static void stripServerOwned(ObjectNode tree) {
        JsonNode metadata = tree.get("metadata");
        if (metadata instanceof ObjectNode m) {
            SERVER_OWNED.forEach(m::remove);
        }
    }

    private static Resource withoutResourceVersion(Resource r) {
        ObjectMeta m = r.metadata();
        if (m.resourceVersion() == null) {
            return r;
        }
        return r.withMetadata(new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.labels(), m.annotations(),
                null, m.uid(), m.creationTimestamp(), m.deletionTimestamp(), m.deletionGracePeriodSeconds(),
                m.generation(), m.finalizers(), m.ownerReferences(), m.managedFields(), m.selfLink()));
    }
}
