package dev.calyx.datastore.sqlite;

import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The backend contract, against a fresh SQLite file per test; each {@link #connect()} opens another store on it. */
class SqliteKvStoreContractTest extends KvStoreContract {
    @TempDir
    Path dir;

    @Override
    protected KvStore connect() {
        return SqliteKvStore.open(dir.resolve("calyx.db"));
    }
}
