package dev.calyx.datastore.etcd;

import static dev.calyx.datastore.etcd.EtcdConversions.bytes;
import static dev.calyx.datastore.etcd.EtcdConversions.keyValue;
import static dev.calyx.datastore.etcd.EtcdConversions.keyValueOrNull;

import dev.calyx.datastore.CasConflictException;
import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KeyExistsException;
import dev.calyx.datastore.KeyNotFoundException;
import dev.calyx.datastore.KeyValue;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.ListResult;
import dev.calyx.datastore.Watch;
import dev.calyx.datastore.WatchListener;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.DeleteResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.PutResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.CompactOption;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link KvStore} over an etcd v3 cluster, through jetcd.
 *
 * <h2>Design</h2>
 * The SPI's model is etcd's, so most calls map one to one: revisions, modRevision as the CAS token and leases are
 * etcd's own. Conditional writes are single transactions ({@code If version==0} for create,
 * {@code If modRevision==r} for update/delete) whose Else branch reads the key, so a failed compare tells "gone"
 * ({@link KeyNotFoundException}) from "changed" ({@link CasConflictException}) without a second round trip.
 * Like etcd's own put, put and update leave the key bound to no lease (the SPI says so).
 *
 * <p>Every call waits at most the configured timeout ({@link EtcdCalls}, {@link EtcdClients}), then fails with
 * {@link dev.calyx.datastore.DatastoreUnavailableException} naming the endpoints. A write that fails so may still
 * have reached the leader and be applied (as with any etcd client): callers that retry should re-read first, which
 * CAS loops do anyway. Watches are {@link EtcdWatch}es, which resume by themselves after connection loss, from the
 * last delivered revision, for as long as they are open; they end only on compaction.
 *
 * <h2>Thread safety</h2>
 * Safe for concurrent use: jetcd's client is, and this class keeps no mutable state besides the watch registry.
 */
public final class EtcdKvStore implements KvStore {
    private final DatastoreConfig config;
    private final Client client;
    private final KV kv;
    private final EtcdCalls calls;
    private final EtcdLeases leases;
    private final EtcdWatches watches;

    private EtcdKvStore(DatastoreConfig config, EtcdEndpoints endpoints, Client client) {
        this.config = config;
        this.client = client;
        this.kv = client.getKVClient();
        this.calls = new EtcdCalls(endpoints, config.timeout(), new EtcdProbe(endpoints, config.caFile()));
        this.leases = new EtcdLeases(client.getLeaseClient(), calls);
        this.watches = new EtcdWatches(client.getWatchClient(), calls, describe());
    }

    /**
     * Opens a client for the config's endpoints. Does not contact etcd: an unreachable cluster shows on the first
     * call, as {@link dev.calyx.datastore.DatastoreUnavailableException}. Bad endpoint URLs and bad TLS files fail
     * here, naming the value or file at fault.
     */
    public static EtcdKvStore open(DatastoreConfig config) {
        if (!config.scheme().equals(EtcdKvStoreProvider.SCHEME)) {
            throw new IllegalArgumentException("datastore \"" + config + "\" is not an etcd datastore");
        }
        EtcdEndpoints endpoints = EtcdEndpoints.of(config);
        return new EtcdKvStore(config, endpoints, EtcdClients.build(config, endpoints));
    }

    @Override
    public Optional<KeyValue> get(String key) {
        GetResponse r = calls.await(() -> kv.get(bytes(key)), "get " + key);
        return r.getKvs().stream().findFirst().map(EtcdConversions::keyValue);
    }

    @Override
    public ListResult list(String prefix) {
        GetResponse r = calls.await(() -> kv.get(rangeKey(prefix), rangeOption(prefix)), "list " + prefix);
        return new ListResult(r.getKvs().stream().map(EtcdConversions::keyValue).toList(),
                r.getHeader().getRevision());
    }

    /** etcd's counter starts at 1, not 0: a fresh, never-written etcd is at revision 1. */
    @Override
    public long currentRevision() {
        GetOption countOnly = GetOption.builder().withCountOnly(true).withLimit(1).build();
        GetResponse r = calls.await(() -> kv.get(EtcdConversions.MIN_KEY, countOnly), "read revision");
        return r.getHeader().getRevision();
    }

    @Override
    public KeyValue put(String key, byte[] value) {
        PutOption withPrev = PutOption.builder().withPrevKV().build();
        PutResponse r = calls.await(() -> kv.put(bytes(key), bytes(value), withPrev), "put " + key);
        return written(key, value, r.getHeader().getRevision(), keyValueOrNull(r.getPrevKv()), 0);
    }

    @Override
    public KeyValue create(String key, byte[] value, long lease) {
        PutOption put = lease == 0 ? PutOption.DEFAULT : PutOption.builder().withLeaseId(lease).build();
        TxnResponse r = calls.await(() -> kv.txn()
                .If(new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.version(0)))
                .Then(Op.put(bytes(key), bytes(value), put))
                .Else(Op.get(bytes(key), GetOption.DEFAULT))
                .commit(), "create " + key);
        if (!r.isSucceeded()) {
            long rev = r.getGetResponses().getFirst().getKvs().stream().findFirst()
                    .map(io.etcd.jetcd.KeyValue::getModRevision).orElse(0L);
            throw new KeyExistsException("create " + key + ": key exists (modRevision " + rev + ")");
        }
        long rev = r.getHeader().getRevision();
        return new KeyValue(key, value.clone(), rev, rev, 1, lease);
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        if (expectedModRevision <= 0) {
            throw new IllegalArgumentException("update " + key + ": expected modRevision must be positive, got "
                    + expectedModRevision + " (use put to write unconditionally)");
        }
        PutOption put = PutOption.builder().withPrevKV().build();
        TxnResponse r = calls.await(() -> kv.txn()
                .If(new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
                .Then(Op.put(bytes(key), bytes(value), put))
                .Else(Op.get(bytes(key), GetOption.DEFAULT))
                .commit(), "update " + key);
        if (!r.isSucceeded()) {
            throw compareFailed("update", key, expectedModRevision, r);
        }
        PutResponse p = r.getPutResponses().getFirst();
        return written(key, value, r.getHeader().getRevision(), keyValueOrNull(p.getPrevKv()), 0);
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        DeleteOption withPrev = DeleteOption.builder().withPrevKV(true).build();
        DeleteResponse deleted;
        if (expectedModRevision == 0) {
            deleted = calls.await(() -> kv.delete(bytes(key), withPrev), "delete " + key);
        } else {
            TxnResponse r = calls.await(() -> kv.txn()
                    .If(new Cmp(bytes(key), Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
                    .Then(Op.delete(bytes(key), withPrev))
                    .Else(Op.get(bytes(key), GetOption.DEFAULT))
                    .commit(), "delete " + key);
            if (!r.isSucceeded()) {
                throw compareFailed("delete", key, expectedModRevision, r);
            }
            deleted = r.getDeleteResponses().getFirst();
        }
        if (deleted.getDeleted() == 0 || deleted.getPrevKvs().isEmpty()) {
            throw new KeyNotFoundException("delete " + key + ": no such key");
        }
        return keyValue(deleted.getPrevKvs().getFirst());
    }

    @Override
    public long grantLease(Duration ttl) {
        return leases.grant(ttl);
    }

    @Override
    public void keepAlive(long lease) {
        leases.keepAlive(lease);
    }

    @Override
    public void revokeLease(long lease) {
        leases.revoke(lease);
    }

    @Override
    public Watch watch(String prefix, long fromRevision, WatchListener listener) {
        return watches.start(prefix, fromRevision, listener);
    }

    @Override
    public void compact(long revision) {
        try {
            calls.await(() -> kv.compact(revision, CompactOption.builder().withCompactPhysical(true).build()),
                    "compact at revision " + revision);
        } catch (CompactedException alreadyCompacted) {
            // history at and below this revision is already gone: what the caller asked for
        }
    }

    @Override
    public String describe() {
        return config.toString();
    }

    /** Stops every watch and closes the client; calls after close fail. Idempotent. */
    @Override
    public void close() {
        watches.closeAll();
        client.close();
    }

    static ByteSequence rangeKey(String prefix) {
        return prefix.isEmpty() ? EtcdConversions.MIN_KEY : bytes(prefix);
    }

    static GetOption rangeOption(String prefix) {
        return prefix.isEmpty()
                ? GetOption.builder().withRange(EtcdConversions.ALL_KEYS_END).build()
                : GetOption.builder().isPrefix(true).build();
    }

    private static KeyValue written(String key, byte[] value, long rev, KeyValue previous, long lease) {
        return previous == null
                ? new KeyValue(key, value.clone(), rev, rev, 1, lease)
                : new KeyValue(key, value.clone(), previous.createRevision(), rev, previous.version() + 1, lease);
    }

    private static RuntimeException compareFailed(String op, String key, long expected, TxnResponse r) {
        List<io.etcd.jetcd.KeyValue> now = r.getGetResponses().getFirst().getKvs();
        if (now.isEmpty()) {
            return new KeyNotFoundException(op + " " + key + ": no such key (expected modRevision " + expected + ")");
        }
        return new CasConflictException(op + " " + key + ": modRevision is " + now.getFirst().getModRevision()
                + ", expected " + expected + " (changed since read; re-read and retry)");
    }
}
