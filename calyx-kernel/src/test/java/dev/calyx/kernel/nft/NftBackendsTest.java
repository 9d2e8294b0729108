package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NftBackendsTest {
    @Test
    void execIsTheDefaultAndUnknownKindsAreNamed() {
        assertThat(System.getProperty(NftBackends.PROPERTY)).isNull();
        try (NftBackend b = NftBackends.create(Optional.empty())) {
            assertThat(b).isInstanceOf(NftExecBackend.class);
        }
        assertThatThrownBy(() -> NftBackends.create("libnft", Optional.empty()))
                .hasMessage("calyx.nft.backend='libnft': expected exec or lib");
    }
}
