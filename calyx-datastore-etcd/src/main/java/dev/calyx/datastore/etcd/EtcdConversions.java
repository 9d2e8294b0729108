package dev.calyx.datastore.etcd;

import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.WatchEvent;
import io.etcd.jetcd.ByteSequence;
import java.nio.charset.StandardCharsets;

/** Between jetcd's types and the SPI's: keys are UTF-8 strings, values opaque bytes. */
final class EtcdConversions {
    /** The smallest key: with {@link #ALL_KEYS_END} as range end, a range over every key. */
    static final ByteSequence MIN_KEY = ByteSequence.from(new byte[] {0});
    static final ByteSequence ALL_KEYS_END = ByteSequence.from(new byte[] {0});

    private EtcdConversions() {}

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    static ByteSequence bytes(byte[] b) {
        return ByteSequence.from(b);
    }

    static KeyValue keyValue(io.etcd.jetcd.KeyValue kv) {
        return new KeyValue(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().getBytes(),
                kv.getCreateRevision(), kv.getModRevision(), kv.getVersion(), kv.getLease());
    }

    /** etcd reports "no previous value" as an empty key-value (version 0); the SPI as null. */
    static KeyValue keyValueOrNull(io.etcd.jetcd.KeyValue kv) {
        return kv == null || kv.getKey().isEmpty() || kv.getVersion() == 0 ? null : keyValue(kv);
    }

    static WatchEvent watchEvent(io.etcd.jetcd.watch.WatchEvent e) {
        io.etcd.jetcd.KeyValue kv = e.getKeyValue();
        KeyValue previous = keyValueOrNull(e.getPrevKV());
        return switch (e.getEventType()) {
            case PUT -> new WatchEvent.Put(keyValue(kv), previous);
            case DELETE -> new WatchEvent.Delete(kv.getKey().toString(StandardCharsets.UTF_8), kv.getModRevision(),
                    previous);
            case UNRECOGNIZED -> throw new IllegalStateException("etcd watch event of unknown type on key "
                    + kv.getKey().toString(StandardCharsets.UTF_8));
        };
    }
}
