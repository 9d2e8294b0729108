package dev.calyx.kernel.nft;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Chooses the nftables backend: {@link NftExecBackend} unless the system property {@value #PROPERTY} is
 * {@code lib}, which selects the in-process {@link NftLibBackend} (GPL-2 libnftables, hence opt-in).
 */
public final class NftBackends {
    public static final String PROPERTY = "calyx.nft.backend";

    private NftBackends() {
    }

    /** The configured backend for {@code netns} (a file like {@code /var/run/netns/NAME}; empty for our own). */
    public static NftBackend create(Optional<Path> netns) {
        return create(System.getProperty(PROPERTY, "exec"), netns);
    }

    /** The backend called {@code kind} ({@code exec} or {@code lib}); throws naming any other value. */
    public static NftBackend create(String kind, Optional<Path> netns) {
        return switch (kind) {
            case "exec" -> new NftExecBackend(netns);
            case "lib" -> new NftLibBackend(netns);
            default -> throw new IllegalArgumentException(PROPERTY + "='" + kind + "': expected exec or lib");
        };
    }
}
