package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Where the backends act: each one's changes are seen by the other in the same namespace, and only there. */
@Tag("kernel")
class NftNetnsKernelTest {
    private static final NftTable T = new NftTable(NftFamily.INET, "calyx");
    private ScratchNetns a;
    private ScratchNetns b;

    @BeforeEach
    void setUp() {
        a = new ScratchNetns();
        b = new ScratchNetns();
    }

    @AfterEach
    void tearDown() {
        try {
            a.close();
        } finally {
            b.close();
        }
    }

    @Test
    void theLibraryActsInsideItsNamespaceOnly() {
        try (NftBackend lib = new NftLibBackend(a.optionalPath());
             NftBackend execA = new NftExecBackend(a.optionalPath());
             NftBackend execB = new NftExecBackend(b.optionalPath())) {
            lib.apply(new NftTransaction().addTable(T).addChain(T, "only-in-a"));
            assertThat(execA.listChain(T, "only-in-a")).isPresent();
            assertThat(execB.listTables()).isEmpty();

            execB.apply(new NftTransaction().addTable(T).addChain(T, "only-in-b"));
            assertThat(lib.listChain(T, "only-in-b")).isEmpty();
            assertThat(lib.listChain(T, "only-in-a")).isPresent();
        }
    }

    @Test
    void aMissingNamespaceIsAnErrorNotAnEmptyListing() {
        Optional<Path> gone = Optional.of(Path.of("/var/run/netns/calyx-t-nft-absent"));
        assertThatThrownBy(() -> new NftExecBackend(gone).list(T))
                .isInstanceOf(NftException.class).hasMessageContaining("calyx-t-nft-absent");
        assertThatThrownBy(() -> new NftLibBackend(gone))
                .isInstanceOf(NftException.class).hasMessageContaining("calyx-t-nft-absent");
    }

    @Test
    void aClosedLibraryBackendSaysSo() {
        NftBackend lib = new NftLibBackend(a.optionalPath());
        lib.close();
        lib.close();
        assertThatThrownBy(() -> lib.apply(new NftTransaction().addTable(T))).hasMessageContaining("is closed");
    }
}
