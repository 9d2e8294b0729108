package dev.calyx.datastore.etcd;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStoreProvider;

/** Serves {@code etcd:http://h1:2379,http://h2:2379} datastores; found by {@code KvStores.open} via ServiceLoader. */
public final class EtcdKvStoreProvider implements KvStoreProvider {
    public static final String SCHEME = "etcd";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public KvStore open(DatastoreConfig config) {
        return EtcdKvStore.open(config);
    }
}
