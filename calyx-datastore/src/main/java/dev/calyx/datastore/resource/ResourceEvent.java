package dev.calyx.datastore.resource;

/** One change to a resource, as Calico's watch reports it (ADDED / MODIFIED / DELETED). */
public sealed interface ResourceEvent {
    ResourceKey key();

    /** The store revision of the change. */
    long revision();

    record Added(StoredResource resource) implements ResourceEvent {
        @Override
        public ResourceKey key() {
            return resource.key();
        }

        @Override
        public long revision() {
            return resource.revision();
        }
    }

    /** {@code previous} is null when the backend no longer has the earlier version. */
    record Modified(StoredResource resource, StoredResource previous) implements ResourceEvent {
        @Override
        public ResourceKey key() {
            return resource.key();
        }

        @Override
        public long revision() {
            return resource.revision();
        }
    }

    /** {@code previous} (the last version) is null when the backend does not know it. */
    record Deleted(ResourceKey key, long revision, StoredResource previous) implements ResourceEvent {}
}
