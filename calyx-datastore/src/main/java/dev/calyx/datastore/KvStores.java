package dev.calyx.datastore;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Opens the {@link KvStore} a {@link DatastoreConfig} names, through the registered {@link KvStoreProvider}s. */
public final class KvStores {
    private KvStores() {}

    public static KvStore open(DatastoreConfig config) {
        ServiceLoader<KvStoreProvider> providers = ServiceLoader.load(KvStoreProvider.class);
        for (KvStoreProvider p : providers) {
            if (p.scheme().equals(config.scheme())) {
                return p.open(config);
            }
        }
        String known = providers.stream().map(p -> p.get().scheme()).sorted().collect(Collectors.joining(", "));
        throw new IllegalArgumentException("datastore \"" + config + "\": unknown scheme \"" + config.scheme()
                + "\" (known: " + known + ")");
    }
}
