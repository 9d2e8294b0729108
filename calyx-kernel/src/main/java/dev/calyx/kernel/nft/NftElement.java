package dev.calyx.kernel.nft;

import java.util.Objects;
import java.util.Optional;

/**
 * One element of a set ({@code value} empty) or map. Keys are written as nft lists them: {@code 10.0.0.0/8},
 * {@code 10.0.0.1-10.0.0.9}, an interface name without quotes; verdict values as {@code jump cali-fw-x}.
 */
public record NftElement(String key, Optional<String> value) {
    public NftElement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static NftElement of(String key) {
        return new NftElement(key, Optional.empty());
    }

    public static NftElement of(String key, String value) {
        return new NftElement(key, Optional.of(value));
    }

    @Override
    public String toString() {
        return value.map(v -> key + " : " + v).orElse(key);
    }
}
