package dev.calyx.kernel.nft;

import java.util.Objects;

/** A table reference: family and a name that nft accepts unquoted. */
public record NftTable(NftFamily family, String name) {
    public NftTable {
        Objects.requireNonNull(family, "family");
        NftNames.requireIdentifier("table", name);
    }

    /** {@code inet calyx}: how a command addresses this table. */
    public String spec() {
        return family.keyword() + " " + name;
    }

    @Override
    public String toString() {
        return spec();
    }
}
