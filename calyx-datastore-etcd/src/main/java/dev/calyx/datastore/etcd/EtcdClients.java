package dev.calyx.datastore.etcd;

import dev.calyx.datastore.DatastoreConfig;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Wires a jetcd {@link Client} for one datastore config.
 *
 * <h2>Why every call carries a gRPC deadline</h2>
 * jetcd stubs wait for a ready connection ({@code waitForReady}), so with every member down a call is parked inside
 * gRPC indefinitely. Giving up on the Java future alone would leave that request queued, to be sent when etcd comes
 * back: a put the caller was told had failed would then happen. The {@link DeadlineInterceptor} puts the configured
 * timeout on every call except the long-lived watch stream, so gRPC itself drops the request when time is up.
 * jetcd's own retries are bounded by the same duration.
 */
final class EtcdClients {
    /** The watch stream lives as long as the watch; only it goes without a deadline. */
    static final String WATCH_METHOD = "etcdserverpb.Watch/Watch";

    private EtcdClients() {}

    static Client build(DatastoreConfig config, EtcdEndpoints endpoints) {
        SslContext tls = EtcdTls.context(config, endpoints);
        Duration timeout = config.timeout();
        ClientBuilder builder = Client.builder()
                .endpoints(endpoints.asStrings())
                .connectTimeout(timeout)
                .retryMaxDuration(timeout)
                .retryDelay(100)
                .retryMaxDelay(Math.max(100, timeout.toMillis() / 4))
                .keepaliveTime(Duration.ofSeconds(10))
                .keepaliveTimeout(Duration.ofSeconds(5))
                .interceptor(new DeadlineInterceptor(timeout));
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder.build();
    }

    /** Puts the configured timeout on each unary call (and on keepAliveOnce's one-shot stream). */
    private record DeadlineInterceptor(Duration timeout) implements ClientInterceptor {
        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                                                     Channel next) {
            if (method.getFullMethodName().equals(WATCH_METHOD) || options.getDeadline() != null) {
                return next.newCall(method, options);
            }
            return next.newCall(method, options.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS));
        }
    }
}
