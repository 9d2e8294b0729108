package dev.calyx.datastore.resource;

import java.util.List;

/** A listing and the resourceVersion (store revision) it reflects: watch from it to follow the listing. */
public record ResourceList(List<StoredResource> items, String resourceVersion) {
    public ResourceList {
        items = List.copyOf(items);
    }
}
