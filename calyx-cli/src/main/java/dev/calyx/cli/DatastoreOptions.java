package dev.calyx.cli;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.DatastoreFlags;
import dev.calyx.datastore.DatastoreSettings;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import picocli.CommandLine.Option;

/**
 * The datastore options shared by every command that reads or writes the datastore (a picocli mixin). Each setting
 * resolves as {@link DatastoreSettings} documents: the flag, then the environment ({@code CALYX_DATASTORE}, ...),
 * then {@code /etc/calyx/calyx.yaml}, then the default {@value DatastoreConfig#DEFAULT}.
 */
public final class DatastoreOptions {
    @Option(names = "--datastore", paramLabel = "SPEC",
            description = "Datastore: embedded:PATH or etcd:URL[,URL...] (default: $CALYX_DATASTORE, "
                    + "/etc/calyx/calyx.yaml, else " + DatastoreConfig.DEFAULT + ").")
    String datastore;

    @Option(names = "--etcd-ca-file", paramLabel = "FILE", description = "CA bundle for etcd TLS.")
    String caFile;

    @Option(names = "--etcd-cert-file", paramLabel = "FILE", description = "Client certificate for etcd TLS.")
    String certFile;

    @Option(names = "--etcd-key-file", paramLabel = "FILE", description = "Client key for etcd TLS.")
    String keyFile;

    @Option(names = "--datastore-timeout", paramLabel = "DURATION",
            description = "How long one datastore call may wait (e.g. 10s, 500ms).")
    String timeout;

    public DatastoreConfig config() {
        return DatastoreSettings.resolve(new DatastoreFlags(datastore, caFile, certFile, keyFile, timeout));
    }

    /** The resolved datastore as the user would write it, for messages. */
    public String spec() {
        return config().toString();
    }

    public KvStore open() {
        return KvStores.open(config());
    }
}
