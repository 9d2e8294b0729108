package dev.calyx.kernel.nft;

import java.util.Objects;
import java.util.Optional;

/** A chain as listed: its name, the kernel's handle, and its hook when it is a base chain. */
public record NftChain(String name, long handle, Optional<NftBaseChain> base) {
    public NftChain {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(base, "base");
    }
}
