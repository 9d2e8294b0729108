package dev.calyx.dataplane.policy;

import dev.calyx.kernel.nft.NftSetSpec;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One named set as the renderer wants it. Elements are kept in the form nft lists them
 * ({@link dev.calyx.kernel.nft.NftDataType#canonical}), so that desired, applied and listed elements compare
 * equal without parsing.
 */
public record SetDef(NftSetSpec spec, SortedSet<String> elements) {
    public SetDef {
        Objects.requireNonNull(spec, "spec");
        elements = Collections.unmodifiableSortedSet(new TreeSet<>(elements));
    }
}
