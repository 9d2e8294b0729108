package dev.calyx.datastore.resource;

import java.util.Objects;

/**
 * A resource as the datastore holds it: its JSON (with {@code metadata.resourceVersion} filled in) and the store
 * revision of its last write, which is what {@code resourceVersion} says.
 */
public record StoredResource(ResourceKey key, String json, long revision) {
    public StoredResource {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
    }

    /** The compare-and-swap token to pass back on update or delete. */
    public String resourceVersion() {
        return Long.toString(revision);
    }
}
