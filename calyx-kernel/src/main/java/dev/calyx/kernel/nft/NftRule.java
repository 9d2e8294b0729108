package dev.calyx.kernel.nft;

import java.util.Objects;
import java.util.Optional;

/**
 * A rule as listed. Identify rules by {@link #comment()} (the dataplane writes a hash there, as felix does) and
 * address them by {@link #handle()}. {@link #expr()} is a backend-specific rendering of the statements (nft's JSON
 * {@code expr} array from a real backend; the statements as written from a fake): compare it only within one
 * backend.
 */
public record NftRule(String chain, long handle, Optional<String> comment, Optional<NftCounter> counter, String expr) {
    public NftRule {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(expr, "expr");
    }
}
