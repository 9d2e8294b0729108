package dev.calyx.datastore.etcd;

import dev.calyx.datastore.CompactedException;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.DatastoreUnavailableException;
import dev.calyx.datastore.KeyNotFoundException;
import io.etcd.jetcd.common.exception.EtcdException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for jetcd futures within the configured timeout and turns jetcd/gRPC failures into the SPI's exceptions.
 * Every message names the operation and key, and unreachable clusters name the endpoints:
 * {@code datastore unavailable: etcd at http://127.0.0.1:23790 did not answer within 2s (get /calico/x: ...)}.
 */
final class EtcdCalls {
    private final EtcdEndpoints endpoints;
    private final Duration timeout;

    EtcdCalls(EtcdEndpoints endpoints, Duration timeout) {
        this.endpoints = endpoints;
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** The result of {@code call}, waiting at most the timeout; {@code what} is "get /key" for messages. */
    <T> T await(CompletableFuture<T> call, String what) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw unavailable(what, "no response", e);
        } catch (ExecutionException | CompletionException e) {
            throw map(e.getCause() == null ? e : e.getCause(), what);
        } catch (CancellationException e) {
            throw new DatastoreException("etcd " + what + ": cancelled (store closed?)", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new DatastoreException("etcd " + what + ": interrupted", e);
        }
    }

    /** The SPI exception for a jetcd/gRPC failure of {@code what}. */
    DatastoreException map(Throwable t, String what) {
        if (t instanceof DatastoreException d) {
            return d;
        }
        if (t instanceof io.etcd.jetcd.common.exception.CompactedException c) {
            return compacted(what, c.getCompactedRevision(), c);
        }
        Status.Code code = codeOf(t);
        String message = describe(t);
        if (message.contains("required revision has been compacted")) {
            return compacted(what, 0, t);
        }
        if (message.contains("requested lease not found")) {
            return new KeyNotFoundException("etcd " + what + ": lease not found (expired or revoked)", t);
        }
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                || message.contains("no leader") || message.contains("request timed out")) {
            return unavailable(what, message, t);
        }
        return new DatastoreException("etcd " + what + " at " + endpoints + ": " + message, t);
    }

    DatastoreUnavailableException unavailable(String what, String detail, Throwable cause) {
        return new DatastoreUnavailableException("datastore unavailable: etcd at " + endpoints
                + " did not answer within " + seconds(timeout) + " (" + what + ": " + detail + ")", cause);
    }

    private static CompactedException compacted(String what, long compactRevision, Throwable cause) {
        String at = compactRevision > 0 ? " (compacted up to revision " + compactRevision + ")" : "";
        return new CompactedException("etcd " + what + ": revision compacted away" + at
                + "; list again and watch from the listing's revision", cause);
    }

    private static Status.Code codeOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EtcdException e) {
                return Status.Code.valueOf(e.getErrorCode().name());
            }
            if (c instanceof StatusRuntimeException s) {
                return s.getStatus().getCode();
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return Status.fromThrowable(t).getCode();
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
