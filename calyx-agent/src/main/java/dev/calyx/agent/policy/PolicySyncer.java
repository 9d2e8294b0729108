package dev.calyx.agent.policy;

import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.resource.ResourceClient;
import dev.calyx.datastore.resource.ResourceEvent;
import dev.calyx.datastore.resource.ResourceKey;
import dev.calyx.datastore.resource.ResourceList;
import dev.calyx.datastore.resource.ResourceWatchListener;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.datastore.resource.StoredResource;
import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import dev.calyx.model.codec.ResourceCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists, then watches, every kind the calc graph (and NAT outgoing) needs, and hands the changes on as
 * {@link PolicyUpdate}s.
 *
 * <p>Design: per kind, one listing and a watch from the listing's resourceVersion, so no change falls between them.
 * When a watch ends with {@link CompactedException} the kind is listed again and the difference against the keys
 * known so far is sent (puts for all listed, removals for the vanished), then watching resumes from the new
 * listing. {@link PolicyUpdate.InSync} is sent once, after the first listing of every kind: consumers must not
 * program anything before it (a partial picture would drop traffic the full one allows).
 *
 * <p>Thread safety: {@link #start} and {@link #close} from one thread; watch callbacks arrive on the store's threads
 * and the {@code sink} must be thread-safe. Known keys are guarded per kind.
 */
public final class PolicySyncer implements AutoCloseable {
    /** What the agent's policy dataplane watches. */
    public static final List<Kind> KINDS = List.of(Kind.TIER, Kind.GLOBAL_NETWORK_POLICY, Kind.NETWORK_POLICY,
            Kind.KUBERNETES_NETWORK_POLICY, Kind.KUBERNETES_NAMESPACE, Kind.PROFILE, Kind.NETWORK_SET,
            Kind.GLOBAL_NETWORK_SET, Kind.HOST_ENDPOINT, Kind.WORKLOAD_ENDPOINT, Kind.IP_POOL);
    private static final Logger LOG = LoggerFactory.getLogger(PolicySyncer.class);
    private final ResourceClient client;
    private final Consumer<List<PolicyUpdate>> sink;
    private final Map<Kind, Set<ResourceKey>> known = new HashMap<>();
    private final Map<Kind, Watch> watches = new HashMap<>();
    private volatile boolean closed;

    public PolicySyncer(ResourceClient client, Consumer<List<PolicyUpdate>> sink) {
        this.client = client;
        this.sink = sink;
    }

    /** Lists every kind, sends the listing and {@link PolicyUpdate.InSync}, and starts the watches. */
    public void start() {
        for (Kind kind : KINDS) {
            listAndWatch(kind);
        }
        sink.accept(List.of(new PolicyUpdate.InSync()));
        LOG.info("policy syncer in sync: {}", known.entrySet().stream()
                .map(e -> e.getKey().plural() + "=" + e.getValue().size()).toList());
    }

    private void listAndWatch(Kind kind) {
        String plural = Resources.storagePlural(kind);
        ResourceList listing = client.list(plural, null);
        List<PolicyUpdate> updates = new ArrayList<>();
        Set<ResourceKey> listed = new HashSet<>();
        for (StoredResource r : listing.items()) {
            listed.add(r.key());
            updates.add(new PolicyUpdate.Put(decode(r)));
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            Set<ResourceKey> before = known.getOrDefault(kind, Set.of());
            before.stream().filter(k -> !listed.contains(k)).forEach(k -> updates.add(removed(kind, k)));
            known.put(kind, new HashSet<>(listed));
            Watch old = watches.put(kind, client.watch(plural, null, listing.resourceVersion(), listener(kind)));
            if (old != null) {
                old.close();
            }
        }
        if (!updates.isEmpty()) {
            sink.accept(updates);
        }
    }

    private ResourceWatchListener listener(Kind kind) {
        return new ResourceWatchListener() {
            @Override
            public void onEvents(List<ResourceEvent> events) {
                List<PolicyUpdate> updates = new ArrayList<>(events.size());
                synchronized (PolicySyncer.this) {
                    Set<ResourceKey> keys = known.computeIfAbsent(kind, k -> new HashSet<>());
                    for (ResourceEvent e : events) {
                        switch (e) {
                            case ResourceEvent.Added a -> updates.add(put(keys, a.resource()));
                            case ResourceEvent.Modified m -> updates.add(put(keys, m.resource()));
                            case ResourceEvent.Deleted d -> {
                                keys.remove(d.key());
                                updates.add(removed(kind, d.key()));
                            }
                        }
                    }
                }
                sink.accept(updates);
            }

            @Override
            public void onError(DatastoreException error) {
                if (closed) {
                    return;
                }
                LOG.warn("watch of {} ended ({}); listing again", kind.plural(), error.getMessage());
                Thread.ofVirtual().name("calyx-policy-relist").start(() -> relist(kind,
                        error instanceof CompactedException ? 0 : 1000));
            }
        };
    }

    private void relist(Kind kind, long delayMillis) {
        while (!closed) {
            try {
                Thread.sleep(delayMillis);
                listAndWatch(kind);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("listing {} failed: {}; retrying", kind.plural(), e.getMessage());
                delayMillis = 1000;
            }
        }
    }

    private PolicyUpdate put(Set<ResourceKey> keys, StoredResource r) {
        keys.add(r.key());
        return new PolicyUpdate.Put(decode(r));
    }

    private static PolicyUpdate removed(Kind kind, ResourceKey key) {
        return new PolicyUpdate.Removed(kind, key.namespace(), key.name());
    }

    private static Resource decode(StoredResource r) {
        return ResourceCodec.INSTANCE.decode(r.json(), r.key().toString());
    }

    @Override
    public synchronized void close() {
        closed = true;
        watches.values().forEach(Watch::close);
        watches.clear();
    }
}
