package dev.calyx.datastore.etcd;

import dev.calyx.datastore.KeyNotFoundException;
import io.etcd.jetcd.Lease;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import java.time.Duration;

/** Lease calls. etcd counts TTLs in whole seconds, so a TTL is rounded up to the next second (at least 1). */
final class EtcdLeases {
    private final Lease lease;
    private final EtcdCalls calls;

    EtcdLeases(Lease lease, EtcdCalls calls) {
        this.lease = lease;
        this.calls = calls;
    }

    long grant(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease TTL must be positive, got " + ttl);
        }
        long seconds = Math.max(1, (ttl.toMillis() + 999) / 1000);
        return calls.await(lease.grant(seconds), "grant lease of " + seconds + "s").getID();
    }

    /** etcd answers a keep-alive for an expired lease with TTL 0 rather than an error. */
    void keepAlive(long id) {
        LeaseKeepAliveResponse r = calls.await(lease.keepAliveOnce(id), "keep lease " + hex(id) + " alive");
        if (r.getTTL() <= 0) {
            throw new KeyNotFoundException("keep lease " + hex(id) + " alive: lease not found (expired or revoked)");
        }
    }

    void revoke(long id) {
        calls.await(lease.revoke(id), "revoke lease " + hex(id));
    }

    /** etcdctl prints lease IDs in hex; so do our messages, so they can be matched. */
    static String hex(long id) {
        return Long.toHexString(id);
    }
}
