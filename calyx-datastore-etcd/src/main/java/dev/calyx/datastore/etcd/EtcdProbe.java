package dev.calyx.datastore.etcd;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Says why no endpoint answered, for the "datastore unavailable" message: gRPC parks calls while it cannot connect
 * and, when their deadline passes, reports only that time ran out. The probe opens a plain TCP connection to each
 * endpoint and, for https, does a TLS handshake trusting the configured CA, all in parallel within a small budget:
 * "127.0.0.1:23790: connection refused", "...: TLS handshake failed: PKIX path building failed ...".
 * It does not present the client certificate, so a rejected client certificate shows as "accepts connections".
 */
final class EtcdProbe {
    private final EtcdEndpoints endpoints;
    private final Path caFile;

    EtcdProbe(EtcdEndpoints endpoints, Path caFile) {
        this.endpoints = endpoints;
        this.caFile = caFile;
    }

    /** One clause per endpoint, joined with "; ", produced within roughly {@code budget}. */
    String diagnose(Duration budget) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (URI url : endpoints.urls()) {
                results.add(pool.submit(() -> probe(url, budget)));
            }
            List<String> clauses = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                String where = hostPort(endpoints.urls().get(i));
                try {
                    clauses.add(results.get(i).get(budget.toMillis() + 50, TimeUnit.MILLISECONDS));
                } catch (Exception e) {
                    results.get(i).cancel(true);
                    clauses.add(where + ": no answer within " + EtcdCalls.seconds(budget));
                }
            }
            pool.shutdownNow();
            return clauses.stream().collect(Collectors.joining("; "));
        }
    }

    private String probe(URI url, Duration budget) {
        String where = hostPort(url);
        int millis = (int) Math.max(1, budget.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), millis);
            if (!endpoints.tls()) {
                return where + ": accepts connections";
            }
            socket.setSoTimeout(millis);
            try (SSLSocket tls = (SSLSocket) tlsContext().getSocketFactory()
                    .createSocket(socket, url.getHost(), url.getPort(), false)) {
                tls.startHandshake();
                return where + ": accepts TLS connections";
            } catch (IOException e) {
                return where + ": TLS handshake failed: " + e.getMessage();
            }
        } catch (ConnectException e) {
            return where + ": connection refused";
        } catch (SocketTimeoutException e) {
            return where + ": no answer within " + EtcdCalls.seconds(budget);
        } catch (IOException | GeneralSecurityException e) {
            return where + ": " + e.getMessage();
        }
    }

    private SSLContext tlsContext() throws IOException, GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (caFile == null) {
            ctx.init(null, null, null);
            return ctx;
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + n++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static String hostPort(URI url) {
        return url.getHost() + ":" + url.getPort();
    }
}
