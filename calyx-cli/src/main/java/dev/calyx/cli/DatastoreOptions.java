package dev.calyx.cli;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import picocli.CommandLine.Option;

/**
 * The {@code --datastore} option shared by commands that read or write the datastore (picocli mixin). Resolution:
 * the flag, then {@code CALYX_DATASTORE}, then {@link DatastoreConfig#DEFAULT}.
 */
public final class DatastoreOptions {
    @Option(names = "--datastore", paramLabel = "SPEC",
            description = "Datastore: embedded:PATH or etcd:URL[,URL...] (default: $CALYX_DATASTORE or "
                    + DatastoreConfig.DEFAULT + ").")
    String datastore;

    public String spec() {
        if (datastore != null) {
            return datastore;
        }
        String env = System.getenv("CALYX_DATASTORE");
        return env != null && !env.isBlank() ? env : DatastoreConfig.DEFAULT;
    }

    public KvStore open() {
        return KvStores.open(DatastoreConfig.parse(spec()));
    }
}
