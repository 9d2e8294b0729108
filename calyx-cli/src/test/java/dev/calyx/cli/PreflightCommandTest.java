package dev.calyx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calyx preflight} end to end through {@link Main#run}: real kernel probes (scratch netns), host network read
 * only, host files from a temporary tree via --host-root, ports chosen free by the test.
 */
@Tag("kernel")
class PreflightCommandTest {
    @TempDir Path root;

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return String.valueOf(s.getLocalPort());
        }
    }

    /** A host tree with this process's real /proc status, so privileges and kernel release read true values. */
    private String[] common(String... more) throws IOException {
        Files.createDirectories(root.resolve("proc/self"));
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.copy(Path.of("/proc/self/status"), root.resolve("proc/self/status"));
        Files.copy(Path.of("/proc/sys/kernel/osrelease"), root.resolve("proc/sys/kernel/osrelease"));
        Files.createDirectories(root.resolve("etc/cni/net.d"));
        String[] base = {"preflight", "--host-root", root.toString(), "--port", freePort(), "--pool", "10.251.0.0/16"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void tablePrintsEveryCheckWithFixesAndExitsZeroWhenNothingFails() throws IOException {
        Run r = run(common());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("CHECK", "STATUS", "EVIDENCE", "kernel.vxlan", "PASS", "pool 10.251.0.0/16",
                "mtu", "this host is ready for calyx");
        if (r.out().matches("(?s).*kernel\\.ipip\\s+WARN.*")) {
            assertThat(r.out()).contains("fix: modprobe ipip");
        }
    }

    @Test
    void jsonIsMachineReadableAndAFailingCheckExitsOne() throws IOException {
        Files.createDirectories(root.resolve("etc/NetworkManager"));
        Files.createDirectories(root.resolve("proc/4242"));
        Files.writeString(root.resolve("proc/4242/comm"), "NetworkManager\n");
        Run r = run(common("-o", "json"));
        assertThat(r.exit()).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("ok").asBoolean(true)).isFalse();
        JsonNode nm = null;
        for (JsonNode c : doc.path("checks")) {
            if (c.path("name").asText().equals("networkmanager")) {
                nm = c;
            }
        }
        assertThat(nm).isNotNull();
        assertThat(nm.path("status").asText()).isEqualTo("FAIL");
        assertThat(nm.path("fix").asText()).contains("calyx.conf");
        assertThat(doc.path("counts").path("FAIL").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void fixWritesTheNetworkManagerFileAndTheRerunPasses() throws IOException {
        Files.createDirectories(root.resolve("etc/NetworkManager/conf.d"));
        Files.createDirectories(root.resolve("proc/4242"));
        Files.writeString(root.resolve("proc/4242/comm"), "NetworkManager\n");
        Run r = run(common("--fix"));
        assertThat(r.out()).contains("--fix applied:", "wrote " + root.resolve("etc/NetworkManager/conf.d/calyx.conf"));
        assertThat(r.out()).containsPattern("networkmanager\\s+PASS");
        assertThat(r.exit()).as(r.out()).isZero();
    }

    @Test
    void overlappingPoolsFail() throws IOException {
        Run r = run(common("--pool", "10.251.4.0/24"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).containsPattern("pool 10.251.4.0/24\\s+FAIL");
    }

    @Test
    void usageErrorsExitTwoAndNameTheValue() {
        Run badPool = run("preflight", "--pool", "10.0.0.0/99");
        assertThat(badPool.exit()).isEqualTo(2);
        assertThat(badPool.err()).contains("10.0.0.0/99");
        assertThat(run("preflight", "--mode", "flannel").exit()).isEqualTo(2);
        assertThat(run("preflight", "-o", "xml").exit()).isEqualTo(2);
        assertThat(run("preflight", "--port", "70000").exit()).isEqualTo(2);
    }
}
