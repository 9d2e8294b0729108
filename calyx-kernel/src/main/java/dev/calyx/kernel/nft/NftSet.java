package dev.calyx.kernel.nft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set or map as listed. Types and flags are kept as nft spells them ({@code ipv4_addr}, {@code interval}) so
 * that listing never fails on a type the builder does not offer; {@link #elementKeys()} gives the keys for diffing.
 */
public record NftSet(String name, long handle, boolean map, String keyType, Optional<String> dataType,
                     Set<String> flags, List<NftElement> elements) {
    public NftSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(dataType, "dataType");
        flags = Set.copyOf(flags);
        elements = List.copyOf(elements);
    }

    public List<String> elementKeys() {
        return elements.stream().map(NftElement::key).toList();
    }
}
