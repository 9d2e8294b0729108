package dev.calyx.datastore.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.DatastoreUnavailableException;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each misconfiguration fails with one error naming the value or file at fault. */
@Tag("etcd")
class EtcdBadInputTest {
    @TempDir
    Path dir;

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void unreachableEndpointFailsTheFirstCallWithinTheTimeout() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        DatastoreConfig config = DatastoreConfig.parse("etcd:" + url).withTimeout(Duration.ofSeconds(1));
        try (KvStore store = KvStores.open(config)) {
            assertThatThrownBy(() -> store.get("/calico/x"))
                    .isInstanceOf(DatastoreUnavailableException.class)
                    .hasMessageStartingWith("datastore unavailable: etcd at " + url + " did not answer within 1s (")
                    .hasMessageContaining("get /calico/x: no endpoint answered; ")
                    .hasMessageEndingWith(url.substring("http://".length()) + ": connection refused)");
        }
    }

    @Test
    void endpointThatIsNotAUrlIsNamed() {
        assertThatThrownBy(() -> KvStores.open(DatastoreConfig.parse("etcd:127.0.0.1:2379")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint \"127.0.0.1:2379\" is not an etcd client URL");
        assertThatThrownBy(() -> KvStores.open(DatastoreConfig.parse("etcd:http://a:1,https://b:2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mix http:// and https://");
    }

    @Test
    void missingCaFileIsNamed() {
        Path missing = dir.resolve("no-such-ca.pem");
        DatastoreConfig config = DatastoreConfig.parse("etcd:https://127.0.0.1:23790").withTls(missing, null, null);
        assertThatThrownBy(() -> KvStores.open(config))
                .isInstanceOf(DatastoreException.class)
                .hasMessage("etcd CA file " + missing + ": no such file");
    }

    @Test
    void garbageCaFileIsNamed() throws IOException {
        Path garbage = Files.writeString(dir.resolve("ca.pem"), "this is not a certificate\n");
        DatastoreConfig config = DatastoreConfig.parse("etcd:https://127.0.0.1:23790").withTls(garbage, null, null);
        assertThatThrownBy(() -> KvStores.open(config))
                .isInstanceOf(DatastoreException.class)
                .hasMessageStartingWith("etcd CA file " + garbage + ": ")
                .hasMessageContaining("PEM certificate");
    }

    @Test
    void certificateWithoutKeyAndKeyFileMissingAreNamed() throws IOException {
        Path cert = Files.writeString(dir.resolve("client.pem"), "x");
        DatastoreConfig noKey = DatastoreConfig.parse("etcd:https://127.0.0.1:23790").withTls(null, cert, null);
        assertThatThrownBy(() -> KvStores.open(noKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a client certificate needs its key");

        Path missingCert = dir.resolve("missing-client.pem");
        DatastoreConfig badCert = DatastoreConfig.parse("etcd:https://127.0.0.1:23790")
                .withTls(null, missingCert, dir.resolve("key.pem"));
        assertThatThrownBy(() -> KvStores.open(badCert))
                .isInstanceOf(DatastoreException.class)
                .hasMessage("etcd client certificate file " + missingCert + ": no such file");
    }

    @Test
    void tlsFilesWithPlainHttpEndpointsAreRefused() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        DatastoreConfig config = DatastoreConfig.parse("etcd:http://127.0.0.1:23790").withTls(ca, null, null);
        assertThatThrownBy(() -> KvStores.open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLS files are set but the endpoints are plain http://");
    }

    @Test
    void describeNamesTheEndpoints() {
        try (KvStore store = KvStores.open(DatastoreConfig.parse("etcd:http://127.0.0.1:1,http://127.0.0.1:2"))) {
            assertThat(store.describe()).isEqualTo("etcd:http://127.0.0.1:1,http://127.0.0.1:2");
        }
    }
}
