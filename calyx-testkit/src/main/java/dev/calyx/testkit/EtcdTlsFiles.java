package dev.calyx.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway PKI for a TLS etcd: a CA, a server certificate for 127.0.0.1 and a client certificate, as PEM files
 * (EC P-256 keys in PKCS#8, which both etcd and Netty read) plus the client pair as PKCS#12 for the JDK.
 * Made with the {@code openssl} command, so tests need no crypto library; valid for two days.
 */
public record EtcdTlsFiles(Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey,
                           Path clientPkcs12) {
    static final String PKCS12_PASSWORD = "calyx-test";

    /** Generates the files under {@code dir} (created if needed). */
    public static EtcdTlsFiles generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.ext"),
                    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n");
            Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        } catch (IOException e) {
            throw new UncheckedIOException("write openssl extension files in " + dir + ": " + e.getMessage(), e);
        }
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=calyx-test-ca");
        signed(dir, "server", "/CN=127.0.0.1");
        signed(dir, "client", "/CN=calyx-test-client");
        openssl(dir, "pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-out", "client.p12",
                "-passout", "pass:" + PKCS12_PASSWORD);
        return new EtcdTlsFiles(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"),
                dir.resolve("client.pem"), dir.resolve("client.key"), dir.resolve("client.p12"));
    }

    /** A JDK TLS context that trusts {@link #ca} and presents the client certificate, for health checks. */
    SSLContext clientContext() {
        try (InputStream caIn = Files.newInputStream(ca); InputStream p12 = Files.newInputStream(clientPkcs12)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(caIn));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyStore client = KeyStore.getInstance("PKCS12");
            client.load(p12, PKCS12_PASSWORD.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(client, PKCS12_PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("load test TLS files " + ca + ", " + clientPkcs12 + ": " + e, e);
        }
    }

    private static void signed(Path dir, String name, String subject) {
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private static void openssl(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + ": did not finish within 30s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " (in " + dir + "): exit " + p.exitValue()
                        + ": " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("run " + String.join(" ", cmd) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running openssl", e);
        }
    }
}
