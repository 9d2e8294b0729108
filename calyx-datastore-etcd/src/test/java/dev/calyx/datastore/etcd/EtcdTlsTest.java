package dev.calyx.datastore.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.DatastoreUnavailableException;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.datastore.Watch;
import dev.calyx.testkit.EtcdCluster;
import dev.calyx.testkit.EtcdTlsFiles;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS etcd with client-certificate authentication, reached with the CA, cert and key files of the config. */
@Tag("etcd")
class EtcdTlsTest {
    private static EtcdCluster etcd;
    private static EtcdTlsFiles tls;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdCluster.builder().tls().start();
        tls = etcd.tlsFiles().orElseThrow();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    /**
     * Generous: a cold JVM's first TLS connection (Netty, gRPC and JSSE class loading) can take seconds here. The
     * refusal tests wait out the whole timeout, so they use a shorter one that still leaves the connection probe
     * (a fifth of it) time for a handshake.
     */
    private static DatastoreConfig config(int timeoutSeconds) {
        return DatastoreConfig.parse(etcd.datastoreSpec()).withTimeout(Duration.ofSeconds(timeoutSeconds));
    }

    @Test
    void caCertificateAndKeyFromTheConfigReachTheCluster() {
        assertThat(etcd.endpoint(0)).startsWith("https://127.0.0.1:");
        try (KvStore store = KvStores.open(config(10).withTls(tls.ca(), tls.clientCert(), tls.clientKey()))) {
            RecordingListener rec = new RecordingListener();
            try (Watch w = store.watch("/tls/", store.currentRevision(), rec)) {
                long rev = store.put("/tls/a", "secret".getBytes(UTF_8)).modRevision();
                assertThat(store.get("/tls/a").orElseThrow().valueAsString()).isEqualTo("secret");
                assertThat(rec.awaitEvents(1)).extracting(e -> e.revision()).containsExactly(rev);
            }
        }
    }

    @Test
    void withoutAClientCertificateTheServerRefusesAndTheErrorSaysWhere() {
        try (KvStore store = KvStores.open(config(4).withTls(tls.ca(), null, null))) {
            assertThatThrownBy(() -> store.get("/tls/a"))
                    .isInstanceOf(DatastoreUnavailableException.class)
                    .hasMessageStartingWith("datastore unavailable: etcd at " + etcd.endpoint(0));
        }
    }

    @Test
    void aServerCertificateFromAnotherCaIsNotTrusted(@TempDir Path dir) {
        EtcdTlsFiles other = EtcdTlsFiles.generate(dir);
        try (KvStore store = KvStores.open(config(4).withTls(other.ca(), tls.clientCert(), tls.clientKey()))) {
            assertThatThrownBy(() -> store.get("/tls/a"))
                    .isInstanceOf(DatastoreUnavailableException.class)
                    .hasMessageStartingWith("datastore unavailable: etcd at " + etcd.endpoint(0))
                    .hasMessageContaining("TLS handshake failed");
        }
    }
}
