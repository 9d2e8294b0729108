package dev.calyx.datastore;

import java.util.List;

/** A prefix listing and the store revision it reflects (watch from {@code revision} to follow it). */
public record ListResult(List<KeyValue> items, long revision) {
    public ListResult {
        items = List.copyOf(items);
    }
}
