package dev.calyx.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep insertion order (Map.copyOf does not), so encoding is stable. */
public final class Maps {
    private Maps() {
    }

    public static <K, V> Map<K, V> copyOrdered(Map<K, V> source) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
