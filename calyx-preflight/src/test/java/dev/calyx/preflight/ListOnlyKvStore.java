package dev.calyx.preflight;

import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.ListResult;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchListener;
import java.time.Duration;
import java.util.Optional;

/** A store that only answers list(): enough for the pool reader, and loud about anything else. */
final class ListOnlyKvStore implements KvStore {
    private final ListResult items;

    ListOnlyKvStore(ListResult items) {
        this.items = items;
    }

    @Override
    public ListResult list(String prefix) {
        return new ListResult(items.items().stream().filter(kv -> kv.key().startsWith(prefix)).toList(),
                items.revision());
    }

    @Override
    public String describe() {
        return "list-only test store";
    }

    @Override
    public void close() {}

    private static UnsupportedOperationException no() {
        return new UnsupportedOperationException("ListOnlyKvStore answers list() only");
    }

    @Override public Optional<KeyValue> get(String key) { throw no(); }
    @Override public long currentRevision() { return items.revision(); }
    @Override public KeyValue put(String key, byte[] value) { throw no(); }
    @Override public KeyValue create(String key, byte[] value, long lease) { throw no(); }
    @Override public KeyValue update(String key, byte[] value, long rev) { throw no(); }
    @Override public KeyValue delete(String key, long rev) { throw no(); }
    @Override public long grantLease(Duration ttl) { throw no(); }
    @Override public void keepAlive(long lease) { throw no(); }
    @Override public void revokeLease(long lease) { throw no(); }
    @Override public Watch watch(String prefix, long from, WatchListener l) { throw no(); }
    @Override public void compact(long revision) { throw no(); }
}
