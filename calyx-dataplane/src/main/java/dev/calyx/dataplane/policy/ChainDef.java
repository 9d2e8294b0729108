package dev.calyx.dataplane.policy;

import dev.calyx.kernel.nft.NftBaseChain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One chain as the renderer wants it: regular or base, and its rules' statements in order. */
public record ChainDef(Optional<NftBaseChain> base, List<String> rules) {
    public ChainDef {
        Objects.requireNonNull(base, "base");
        rules = List.copyOf(rules);
    }

    public static ChainDef regular(List<String> rules) {
        return new ChainDef(Optional.empty(), rules);
    }
}
