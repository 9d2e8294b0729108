package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStoreProvider;
import java.nio.file.Path;

/** Serves {@code embedded:/path/to/file.db}: the SQLite store in that file. */
public final class EmbeddedKvStoreProvider implements KvStoreProvider {
    public static final String SCHEME = "embedded";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public KvStore open(DatastoreConfig config) {
        if (config.locations().size() != 1 || config.locations().getFirst().isBlank()) {
            throw new IllegalArgumentException("datastore \"" + config + "\": embedded takes exactly one file path");
        }
        return SqliteKvStore.open(Path.of(config.locations().getFirst()), config.timeout());
    }
}
