package dev.calyx.datastore;

/**
 * Opens a {@link KvStore} for one datastore scheme ({@code embedded}, {@code etcd}, later {@code kubernetes}).
 * Backends register through {@code META-INF/services/dev.calyx.datastore.KvStoreProvider}, so this module need
 * not depend on the etcd or Kubernetes modules (whose class paths must stay apart); {@link KvStores#open} finds
 * them on the class path.
 */
public interface KvStoreProvider {
    /** The scheme this provider serves, e.g. {@code "embedded"} or {@code "etcd"}. */
    String scheme();

    /**
     * Opens the store. Failures are {@link DatastoreException}s whose message names the file or endpoint at fault
     * (a corrupt database file, an unreachable endpoint, an unreadable TLS file).
     */
    KvStore open(DatastoreConfig config);
}
