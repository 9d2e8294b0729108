package dev.calyx.ipam;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link RealStoreAllocationContract} on the embedded SQLite store (one file shared by threads and processes). */
class EmbeddedStoreAllocationTest extends RealStoreAllocationContract {
    @TempDir Path dir;

    @Override
    String spec() {
        return "embedded:" + dir.resolve("calyx.db");
    }
}
