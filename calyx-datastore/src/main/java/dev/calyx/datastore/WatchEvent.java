package dev.calyx.datastore;

/** One change seen by a watch. {@code revision()} is the store revision of the change. */
public sealed interface WatchEvent {
    long revision();

    String key();

    /** A create or update; {@code previous} is null for a create. */
    record Put(KeyValue current, KeyValue previous) implements WatchEvent {
        @Override
        public long revision() {
            return current.modRevision();
        }

        @Override
        public String key() {
            return current.key();
        }
    }

    /** A delete (explicit, or by lease expiry); {@code previous} is the last value, when the backend knows it. */
    record Delete(String key, long revision, KeyValue previous) implements WatchEvent {}
}
