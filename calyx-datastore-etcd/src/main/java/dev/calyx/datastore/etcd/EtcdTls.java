package dev.calyx.datastore.etcd;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.DatastoreException;
import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLException;

/**
 * Builds the client TLS context from the configured CA, certificate and key files. Each file is read and parsed
 * here, one at a time, so a missing, unreadable or garbage file fails with an error naming that file instead of an
 * opaque handshake failure on the first call.
 */
final class EtcdTls {
    private EtcdTls() {}

    /** The TLS context for these endpoints, or null for plain http endpoints without TLS files. */
    static SslContext context(DatastoreConfig config, EtcdEndpoints endpoints) {
        boolean files = config.caFile() != null || config.certFile() != null || config.keyFile() != null;
        if (!endpoints.tls()) {
            if (files) {
                throw new IllegalArgumentException("datastore \"" + config + "\": TLS files are set but the "
                        + "endpoints are plain http://; use https:// endpoints");
            }
            return null;
        }
        if ((config.certFile() == null) != (config.keyFile() == null)) {
            throw new IllegalArgumentException("datastore \"" + config + "\": a client certificate needs its key "
                    + "and a key needs its certificate (cert file " + config.certFile() + ", key file "
                    + config.keyFile() + ")");
        }
        SslContextBuilder builder = GrpcSslContexts.forClient();
        if (config.caFile() != null) {
            requireCertificates(config.caFile(), "CA");
            builder.trustManager(config.caFile().toFile());
        }
        if (config.certFile() != null) {
            requireCertificates(config.certFile(), "client certificate");
            requireReadable(config.keyFile(), "client key");
            try {
                builder.keyManager(config.certFile().toFile(), config.keyFile().toFile());
            } catch (IllegalArgumentException e) {
                throw new DatastoreException("etcd client key file " + config.keyFile() + ": not a PEM private key "
                        + "matching " + config.certFile() + " (" + rootMessage(e) + ")", e);
            }
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new DatastoreException("etcd TLS setup from CA " + config.caFile() + ", cert " + config.certFile()
                    + ", key " + config.keyFile() + ": " + rootMessage(e), e);
        }
    }

    private static void requireReadable(Path file, String role) {
        if (!Files.isRegularFile(file)) {
            throw new DatastoreException("etcd " + role + " file " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new DatastoreException("etcd " + role + " file " + file + ": not readable (permission denied)");
        }
    }

    private static void requireCertificates(Path file, String role) {
        requireReadable(file, role);
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new DatastoreException("etcd " + role + " file " + file + ": holds no PEM certificate");
            }
        } catch (CertificateException e) {
            throw new DatastoreException("etcd " + role + " file " + file + ": not a PEM certificate ("
                    + rootMessage(e) + ")", e);
        } catch (IOException e) {
            throw new DatastoreException("etcd " + role + " file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
