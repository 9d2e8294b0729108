package dev.calyx.kernel.nft;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named set ({@code dataType} empty) or map ({@code dataType} present; {@link NftDataType#VERDICT} for a
 * verdict map, the dispatch table keyed by interface name). The element operations of a transaction take the spec
 * so that each element is checked against the key type before it reaches nft.
 */
public record NftSetSpec(String name, NftDataType keyType, Optional<NftDataType> dataType, Set<Flag> flags) {
    public NftSetSpec {
        NftNames.requireIdentifier(dataType != null && dataType.isPresent() ? "map" : "set", name);
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(dataType, "dataType");
        if (keyType == NftDataType.VERDICT) {
            throw new IllegalArgumentException("nft set " + name + ": a verdict cannot be a key");
        }
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (flags.contains(Flag.AUTO_MERGE) && !flags.contains(Flag.INTERVAL)) {
            throw new IllegalArgumentException("nft set " + name + ": auto-merge needs the interval flag");
        }
    }

    /** A plain set of {@code keyType}. */
    public static NftSetSpec set(String name, NftDataType keyType, Flag... flags) {
        return new NftSetSpec(name, keyType, Optional.empty(), Set.of(flags));
    }

    /** A map from {@code keyType} to verdicts. */
    public static NftSetSpec verdictMap(String name, NftDataType keyType, Flag... flags) {
        return new NftSetSpec(name, keyType, Optional.of(NftDataType.VERDICT), Set.of(flags));
    }

    /** A map from {@code keyType} to values of {@code dataType}. */
    public static NftSetSpec map(String name, NftDataType keyType, NftDataType dataType, Flag... flags) {
        return new NftSetSpec(name, keyType, Optional.of(dataType), Set.of(flags));
    }

    public boolean isMap() {
        return dataType.isPresent();
    }

    /** {@code set} or {@code map}: the word nft commands use for this object. */
    public String kind() {
        return isMap() ? "map" : "set";
    }

    /** {@code type ipv4_addr; flags interval;}: the declaration inside the braces. */
    String renderDeclaration() {
        StringBuilder b = new StringBuilder("type ").append(keyType.keyword());
        dataType.ifPresent(d -> b.append(" : ").append(d.keyword()));
        b.append(';');
        Set<Flag> declared = EnumSet.noneOf(Flag.class);
        declared.addAll(flags);
        declared.remove(Flag.AUTO_MERGE);
        if (!declared.isEmpty()) {
            b.append(" flags ");
            b.append(String.join(",", declared.stream().map(Flag::keyword).toList()));
            b.append(';');
        }
        if (flags.contains(Flag.AUTO_MERGE)) {
            b.append(" auto-merge;");
        }
        return b.toString();
    }

    /** Set flags. AUTO_MERGE is a set option rather than a kernel flag; it lets overlapping intervals in. */
    public enum Flag {
        INTERVAL, CONSTANT, AUTO_MERGE;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
