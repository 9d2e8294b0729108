package dev.calyx.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import dev.calyx.ipam.AssignRequest;
import dev.calyx.ipam.IpAddr;
import dev.calyx.ipam.IpamClient;
import dev.calyx.ipam.IpamJson;
import dev.calyx.ipam.IpamKeys;
import dev.calyx.ipam.NodeDirectory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calyx ipam ...} end to end through {@link Main#run} against an embedded store in a temp dir. */
class IpamCommandTest {
    @TempDir Path dir;
    private String spec;
    private String stdout;
    private String stderr;

    @BeforeEach
    void seed() {
        spec = "embedded:" + dir.resolve("calyx.db");
        try (KvStore kv = open()) {
            kv.put(IpamKeys.IPPOOLS + "default-ipv4-ippool", ("{\"metadata\":{\"name\":\"default-ipv4-ippool\"},"
                    + "\"spec\":{\"cidr\":\"10.244.0.0/24\",\"blockSize\":26}}").getBytes(UTF_8));
            kv.put(IpamKeys.node("n1"), NodeDirectory.nodeResource("n1", Map.of()));
        }
    }

    private KvStore open() {
        return KvStores.open(DatastoreConfig.parse(spec));
    }

    private int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, UTF_8));
        System.setErr(new PrintStream(err, true, UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            stdout = out.toString(UTF_8);
            stderr = err.toString(UTF_8);
        }
    }

    private IpAddr assignLeak(String handle) {
        try (KvStore kv = open()) {
            return IpamClient.over(kv).assign(AssignRequest.ipv4(handle, "n1", 1,
                    Map.of("namespace", "default", "pod", handle, "node", "n1"))).ipv4().getFirst();
        }
    }

    @Test
    void showReportsPoolAndBlockUtilisation() throws Exception {
        IpAddr ip = assignLeak("p1");
        assertThat(run("ipam", "show", "--show-blocks", "--datastore", spec, "-o", "json")).isZero();
        JsonNode j = IpamJson.MAPPER.readTree(stdout);
        assertThat(j.path("pools").get(0).path("name").asText()).isEqualTo("default-ipv4-ippool");
        assertThat(j.path("pools").get(0).path("total").asLong()).isEqualTo(256);
        assertThat(j.path("pools").get(0).path("inUse").asLong()).isEqualTo(1);
        assertThat(j.path("blocks").get(0).path("affinity").asText()).isEqualTo("host:n1");

        assertThat(run("ipam", "show", "--ip", ip.toString(), "--datastore", spec)).isZero();
        assertThat(stdout).contains("IP " + ip + " is in use", "handle p1");
    }

    @Test
    void checkFindsTheLeakWritesAReportAndReleaseFromReportFreesIt() throws Exception {
        IpAddr ip = assignLeak("p1");
        Path report = dir.resolve("report.json");
        assertThat(run("ipam", "check", "--datastore", spec, "-o", report.toString())).isEqualTo(1);
        assertThat(stdout).contains("1 LEAKED_ALLOCATION", ip.toString(), "no WorkloadEndpoint of pod default/p1");
        assertThat(Files.readString(report)).contains("\"kind\" : \"LEAKED_ALLOCATION\"");

        assertThat(run("ipam", "release", "--from-report", report.toString(), "--datastore", spec)).isZero();
        assertThat(stdout).contains("released " + ip);
        assertThat(run("ipam", "check", "--datastore", spec)).isZero();
        assertThat(stdout).contains("No problems found.");
    }

    @Test
    void releaseByIpAndGcWithZeroGrace() {
        IpAddr a = assignLeak("p1");
        assertThat(run("ipam", "release", "--ip", a.toString(), "--ip", "10.244.0.250", "--datastore", spec))
                .isZero();
        assertThat(stdout).contains("released " + a, "not allocated: 10.244.0.250");

        IpAddr b = assignLeak("p2");
        assertThat(run("ipam", "gc", "--node", "n1", "--grace", "15m", "--datastore", spec)).isZero();
        assertThat(stdout).contains("0 released", "1 waiting");
        assertThat(run("ipam", "gc", "--grace", "0", "--datastore", spec, "-o", "json")).isZero();
        assertThat(stdout).contains("\"" + b + "\"");
    }

    @Test
    void configureChangesOnlyWhatIsGiven() throws Exception {
        assertThat(run("ipam", "configure", "--strictaffinity=true", "--datastore", spec)).isZero();
        assertThat(run("ipam", "configure", "--max-blocks-per-host=5", "--datastore", spec, "-o", "json")).isZero();
        JsonNode j = IpamJson.MAPPER.readTree(stdout);
        assertThat(j.path("strict_affinity").asBoolean()).isTrue();
        assertThat(j.path("maxBlocksPerHost").asInt()).isEqualTo(5);
        assertThat(run("ipam", "configure", "--strictaffinity=false", "--auto-allocate-blocks=false",
                "--datastore", spec)).isEqualTo(1);
        assertThat(stderr).contains("strictAffinity=false with autoAllocateBlocks=false");
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertThat(run("ipam", "release", "--datastore", spec)).isEqualTo(2);
        assertThat(run("ipam", "show", "--ip", "10.0.0.300", "--datastore", spec)).isEqualTo(1);
        assertThat(stderr).contains("\"10.0.0.300\" is not an IP address");
        assertThat(run("ipam", "gc", "--grace", "soon", "--datastore", spec)).isEqualTo(1);
        assertThat(stderr).contains("--grace \"soon\"");
        assertThat(run("ipam", "show", "--datastore", "nosuch:x")).isEqualTo(1);
        assertThat(stderr).contains("unknown scheme \"nosuch\"");
        assertThat(run("ipam", "--help")).isZero();
        assertThat(stdout).contains("show", "check", "release", "configure", "gc");
    }
}
