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
import java.util.function.Supplier;

/**
 * Waits for jetcd futures within the configured timeout and turns jetcd/gRPC failures into the SPI's exceptions.
 * Every message names the operation and key, and unreachable clusters name the endpoints:
 * {@code datastore unavailable: etcd at http://127.0.0.1:23790 did not answer within 2s (get /calico/x: ...)}.
 */
final class EtcdCalls {
    /** Share of the timeout kept for {@link EtcdProbe} when a call has not answered, so the total stays within it. */
    private static final long PROBE_SHARE = 5;
    private static final long MAX_PROBE_MS = 1000;

    private final EtcdEndpoints endpoints;
    private final Duration timeout;
    private final EtcdProbe probe;

    EtcdCalls(EtcdEndpoints endpoints, Duration timeout, EtcdProbe probe) {
        this.endpoints = endpoints;
        this.timeout = timeout;
        this.probe = probe;
    }

    Duration timeout() {
        return timeout;
    }

    /**
     * Starts {@code start} and waits at most the timeout for its result; {@code what} is "get /key" for messages.
     * jetcd throws some failures (a closed client) synchronously: those are mapped too.
     */
    <T> T await(Supplier<CompletableFuture<T>> start, String what) {
        CompletableFuture<T> call;
        try {
            call = start.get();
        } catch (RuntimeException e) {
            throw map(e, what);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long probeMs = Math.min(MAX_PROBE_MS, timeout.toMillis() / PROBE_SHARE);
        try {
            try {
                return call.get(timeout.toMillis() - probeMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                // spend the rest of the timeout finding out why, then give the call its last chance
                String why = probe.diagnose(Duration.ofMillis(Math.max(1, probeMs * 2 / 3)));
                return lastChance(call, deadline, what, why);
            }
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

    private <T> T lastChance(CompletableFuture<T> call, long deadline, String what, String why)
            throws InterruptedException {
        try {
            return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw unavailable(what, "no endpoint answered; " + why, e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            DatastoreException mapped = map(cause, what);
            throw mapped instanceof DatastoreUnavailableException
                    ? unavailable(what, "no endpoint answered; " + why, cause) : mapped;
        }
    }

    /** The SPI exception for a jetcd/gRPC failure of {@code what}. */
    DatastoreException map(Throwable t, String what) {
        if (t instanceof DatastoreException d) {
            return d;
        }
        if (t instanceof io.etcd.jetcd.common.exception.ClosedClientException
                || t instanceof java.util.concurrent.RejectedExecutionException) {
            return new DatastoreException("etcd " + what + ": the store at " + endpoints + " is closed", t);
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
