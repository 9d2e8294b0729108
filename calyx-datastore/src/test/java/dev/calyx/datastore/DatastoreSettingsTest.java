package dev.calyx.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatastoreSettingsTest {
    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "calyx", ".yaml"), text);
    }

    @Test
    void defaultsWhenNothingIsSet() {
        DatastoreConfig c = DatastoreSettings.resolve(DatastoreFlags.NONE, Map.of(), dir.resolve("absent.yaml"));

        assertThat(c.toString()).isEqualTo(DatastoreConfig.DEFAULT);
        assertThat(c.timeout()).isEqualTo(DatastoreConfig.DEFAULT_TIMEOUT);
        assertThat(c.caFile()).isNull();
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        Path file = yaml("""
                # calyx node configuration
                datastore: "etcd:https://file:2379"   # from the file
                datastoreTimeout: 3s
                nodeName: n1
                felix:
                  logSeverityScreen: Info
                """);
        Map<String, String> env = Map.of("CALYX_DATASTORE", "etcd:http://env:2379");

        assertThat(DatastoreSettings.resolve(DatastoreFlags.ofDatastore("embedded:/tmp/flag.db"), env, file)
                .toString()).isEqualTo("embedded:/tmp/flag.db");
        assertThat(DatastoreSettings.resolve(DatastoreFlags.NONE, env, file).locations())
                .containsExactly("http://env:2379");
        DatastoreConfig fromFile = DatastoreSettings.resolve(DatastoreFlags.NONE, Map.of(), file);
        assertThat(fromFile.locations()).containsExactly("https://file:2379");
        assertThat(fromFile.timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void tlsFilesAndTimeoutResolveTheSameWay() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "ca");
        Path cert = Files.writeString(dir.resolve("cert.pem"), "cert");
        Path key = Files.writeString(dir.resolve("key.pem"), "key");
        Path file = yaml("etcdCAFile: " + ca + "\netcdCertFile: /nonexistent/cert.pem\n");
        Map<String, String> env = Map.of("CALYX_ETCD_CERT_FILE", cert.toString(), "CALYX_ETCD_KEY_FILE",
                key.toString(), "CALYX_DATASTORE_TIMEOUT", "1m30s");

        DatastoreConfig c = DatastoreSettings.resolve(
                new DatastoreFlags("etcd:https://a:2379,https://b:2379", null, null, null, "1500ms"), env, file);

        assertThat(c.locations()).containsExactly("https://a:2379", "https://b:2379");
        assertThat(List.of(c.caFile(), c.certFile(), c.keyFile())).containsExactly(ca, cert, key);
        assertThat(c.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(DatastoreSettings.resolve(DatastoreFlags.NONE, env, dir.resolve("none")).timeout())
                .isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badValuesNameTheirSource() throws Exception {
        Path file = yaml("nodeName: n1\ndatastore: mongodb\n");

        assertThatThrownBy(() -> DatastoreSettings.resolve(DatastoreFlags.NONE, Map.of(), file))
                .hasMessageStartingWith(file + ":2: datastore: mongodb");
        assertThatThrownBy(() -> DatastoreSettings.resolve(DatastoreFlags.NONE,
                Map.of("CALYX_DATASTORE", "etcd:localhost:2379"), file))
                .hasMessageStartingWith("CALYX_DATASTORE=etcd:localhost:2379: etcd endpoint \"localhost:2379\"");
        assertThatThrownBy(() -> DatastoreSettings.resolve(DatastoreFlags.ofDatastore("embedded:relative.db"),
                Map.of(), file)).hasMessageStartingWith("--datastore embedded:relative.db: ");
        assertThatThrownBy(() -> DatastoreSettings.resolve(new DatastoreFlags(null, null, null, null, "soon"),
                Map.of(), dir.resolve("none"))).hasMessageStartingWith("--datastore-timeout soon: timeout");
        assertThatThrownBy(() -> DatastoreSettings.resolve(new DatastoreFlags(null, "/no/ca.pem", null, null,
                null), Map.of(), dir.resolve("none"))).hasMessage("--etcd-ca-file /no/ca.pem: no such file");
    }

    @Test
    void certificateWithoutKeyIsRefused() throws Exception {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "cert");

        assertThatThrownBy(() -> DatastoreSettings.resolve(DatastoreFlags.NONE,
                Map.of("CALYX_ETCD_CERT_FILE", cert.toString()), dir.resolve("none")))
                .hasMessageStartingWith("CALYX_ETCD_CERT_FILE=" + cert + ": an etcd client certificate and key");
    }

    @Test
    void malformedConfigFileLinesAreReportedWithTheirLineNumber() throws Exception {
        Path garbage = yaml("datastore: embedded:/a.db\nthis is not yaml\n");
        Path duplicate = yaml("datastore: embedded:/a.db\ndatastore: embedded:/b.db\n");

        assertThatThrownBy(() -> DatastoreSettings.resolve(DatastoreFlags.NONE, Map.of(), garbage))
                .hasMessageStartingWith(garbage + ":2: expected \"key: value\"");
        assertThatThrownBy(() -> DatastoreSettings.resolve(DatastoreFlags.NONE, Map.of(), duplicate))
                .hasMessageContaining(":2: duplicate key \"datastore\"");
    }
}
