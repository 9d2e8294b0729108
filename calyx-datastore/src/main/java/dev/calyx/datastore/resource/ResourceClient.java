package dev.calyx.datastore.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.ListResult;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchEvent;
import dev.calyx.datastore.WatchListener;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Calico v3 resources (raw JSON) over a {@link KvStore}, in Calico's etcd key layout ({@link ResourceKey}).
 *
 * <p>Semantics follow libcalico-go's backend client: {@code create} fails if present, {@code update} is a
 * compare-and-swap on {@code metadata.resourceVersion} (the key's modRevision; without one it updates whatever is
 * there), {@code apply} creates or overwrites, {@code delete} optionally checks the resourceVersion. Failures are
 * the datastore's exceptions ({@link KeyExistsException}, {@link KeyNotFoundException},
 * {@link CasConflictException}) with messages naming the resource; malformed JSON or metadata is an
 * {@link IllegalArgumentException}. See {@link ResourceJson} for what is done to metadata.
 *
 * <p>Thread safety: as safe as the store (stateless otherwise).
 */
public final class ResourceClient {
    private final KvStore store;
    private final Clock clock;
    private final Supplier<UUID> uids;

    public ResourceClient(KvStore store) {
        this(store, Clock.systemUTC(), UUID::randomUUID);
    }

    /** With an injected clock and uid source, for tests. */
    public ResourceClient(KvStore store, Clock clock, Supplier<UUID> uids) {
        this.store = store;
        this.clock = clock;
        this.uids = uids;
    }

    public StoredResource create(ResourceKey key, String json) {
        ObjectNode resource = ResourceJson.parse(key, json);
        if (ResourceJson.resourceVersion(resource) != null) {
            throw new IllegalArgumentException(key + ": metadata.resourceVersion must not be set on create");
        }
        ObjectNode metadata = ResourceJson.metadata(key, resource);
        metadata.put("uid", uids.get().toString());
        metadata.put("creationTimestamp", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        try {
            return ResourceJson.fromStored(key, store.create(key.etcdKey(), ResourceJson.toStored(key, resource), 0));
        } catch (KeyExistsException e) {
            throw new KeyExistsException(key + ": already exists", e);
        }
    }

    /**
     * Replaces the resource. With {@code metadata.resourceVersion} set, only if it is still current
     * ({@link CasConflictException} otherwise); without, whatever version is there.
     */
    public StoredResource update(ResourceKey key, String json) {
        ObjectNode resource = ResourceJson.parse(key, json);
        String version = ResourceJson.resourceVersion(resource);
        if (version != null) {
            return replace(key, resource, ResourceJson.revision(key, version));
        }
        while (true) {
            KeyValue current = store.get(key.etcdKey()).orElseThrow(() -> notFound(key, null));
            try {
                return replace(key, resource, current.modRevision());
            } catch (CasConflictException raced) {
                // someone wrote in between: an unconditional update simply tries again
            }
        }
    }

    /** Creates the resource or overwrites it, ignoring any resourceVersion given. */
    public StoredResource apply(ResourceKey key, String json) {
        ObjectNode resource = ResourceJson.parse(key, json);
        ResourceJson.metadata(key, resource).remove("resourceVersion");
        while (true) {
            Optional<KeyValue> current = store.get(key.etcdKey());
            try {
                if (current.isEmpty()) {
                    return create(key, resource.toString());
                }
                return replace(key, resource, current.get().modRevision());
            } catch (KeyExistsException | CasConflictException | KeyNotFoundException raced) {
                // created, changed or deleted concurrently: look again
            }
        }
    }

    /** Deletes the resource; with a non-null {@code resourceVersion}, only if it is still current. */
    public StoredResource delete(ResourceKey key, String resourceVersion) {
        long expected = resourceVersion == null || resourceVersion.isEmpty() ? 0
                : ResourceJson.revision(key, resourceVersion);
        try {
            return ResourceJson.fromStored(key, store.delete(key.etcdKey(), expected));
        } catch (KeyNotFoundException e) {
            throw notFound(key, e);
        } catch (CasConflictException e) {
            throw conflict(key, resourceVersion, e);
        }
    }

    public Optional<StoredResource> get(ResourceKey key) {
        return store.get(key.etcdKey()).map(kv -> ResourceJson.fromStored(key, kv));
    }

    /** Every resource of {@code plural}, in {@code namespace} or (null) in all namespaces, in key order. */
    public ResourceList list(String plural, String namespace) {
        ListResult listing = store.list(ResourceKey.listPrefix(plural, namespace));
        List<StoredResource> items = new ArrayList<>(listing.items().size());
        for (KeyValue kv : listing.items()) {
            items.add(ResourceJson.fromStored(ResourceKey.fromEtcdKey(kv.key()), kv));
        }
        return new ResourceList(items, Long.toString(listing.revision()));
    }

    /**
     * Streams changes to resources of {@code plural} (in {@code namespace}, or all when null) after
     * {@code resourceVersion} (typically a listing's); null watches from now.
     */
    public Watch watch(String plural, String namespace, String resourceVersion, ResourceWatchListener listener) {
        String prefix = ResourceKey.listPrefix(plural, namespace);
        long from = resourceVersion == null || resourceVersion.isEmpty() ? store.currentRevision()
                : resourceVersion.equals("0") ? 0 : ResourceJson.revision(ResourceKey.cluster(plural, "*"),
                        resourceVersion);
        return store.watch(prefix, from, new WatchListener() {
            @Override
            public void onEvents(List<WatchEvent> events) {
                listener.onEvents(events.stream().map(ResourceClient::toResourceEvent).toList());
            }

            @Override
            public void onError(DatastoreException error) {
                listener.onError(error);
            }
        });
    }

    static ResourceEvent toResourceEvent(WatchEvent e) {
        ResourceKey key = ResourceKey.fromEtcdKey(e.key());
        return switch (e) {
            case WatchEvent.Put p when p.previous() == null ->
                    new ResourceEvent.Added(ResourceJson.fromStored(key, p.current()));
            case WatchEvent.Put p -> new ResourceEvent.Modified(ResourceJson.fromStored(key, p.current()),
                    ResourceJson.fromStored(key, p.previous()));
            case WatchEvent.Delete d -> new ResourceEvent.Deleted(key, d.revision(),
                    d.previous() == null ? null : ResourceJson.fromStored(key, d.previous()));
        };
    }

    /** Writes {@code resource} over the version at {@code expected}, carrying uid and creationTimestamp over. */
    private StoredResource replace(ResourceKey key, ObjectNode resource, long expected) {
        try {
            KeyValue current = store.get(key.etcdKey()).orElseThrow(() -> notFound(key, null));
            ObjectNode stored = ResourceJson.metadata(key, ResourceJson.tree(key, current));
            ObjectNode metadata = ResourceJson.metadata(key, resource);
            for (String immutable : List.of("uid", "creationTimestamp")) {
                if (stored.has(immutable)) {
                    metadata.set(immutable, stored.get(immutable));
                }
            }
            return ResourceJson.fromStored(key, store.update(key.etcdKey(), ResourceJson.toStored(key, resource),
                    expected));
        } catch (KeyNotFoundException e) {
            throw notFound(key, e);
        } catch (CasConflictException e) {
            throw conflict(key, Long.toString(expected), e);
        }
    }

    private static KeyNotFoundException notFound(ResourceKey key, Throwable cause) {
        return new KeyNotFoundException(key + ": resource does not exist", cause);
    }

    private static CasConflictException conflict(ResourceKey key, String version, Throwable cause) {
        return new CasConflictException(key + ": resourceVersion " + version + " is not the current version "
                + "(re-read and retry)", cause);
    }
}
