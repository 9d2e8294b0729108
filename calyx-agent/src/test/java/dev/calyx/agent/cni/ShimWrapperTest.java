package dev.calyx.agent.cni;

import static dev.calyx.agent.cni.ShimRun.env;
import static dev.calyx.agent.cni.ShimRun.podEnv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped form of the shim: build-shim.sh's jlink'd runtime + AOT cache + wrapper, exec'd with an
 * empty environment from "/" (item 41) against a real CniServer. The build output is cached in
 * target/calyx-shim, so only the first run pays for jlink and AOT training.
 */
class ShimWrapperTest {
    static final Path OUT = Path.of("target/calyx-shim").toAbsolutePath();
    @TempDir
    static Path tmp;
    static Path socket;
    static String secondBuildOutput;

    static String build() throws Exception {
        Path script = ShimRun.shimClasspath().resolve("../../src/main/sh/build-shim.sh").normalize();
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString(), OUT.toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("CALYX_CNI_SOCKET", socket.toString());
        pb.environment().put("CALYX_CNI_QUEUE", tmp.resolve("queue").toString());
        pb.environment().remove("CALYX_CNI_JAR");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @BeforeAll
    static void buildTwice() throws Exception {
        socket = tmp.resolve("run/cni.sock");
        String first = build();
        assertThat(first).doesNotContain("FAILED");
        secondBuildOutput = build();
    }

    @Test
    void buildIsIdempotentAndTheWrapperIsARegularExecutableUsingTheAotCache() throws Exception {
        assertThat(secondBuildOutput).as("an up-to-date build does nothing").isEmpty();
        Path wrapper = OUT.resolve("calyx");
        assertThat(Files.isRegularFile(wrapper, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.isExecutable(wrapper)).isTrue();
        assertThat(Files.readString(wrapper)).contains("-XX:AOTCache=" + OUT.resolve("calyx-cni.aot"), "-XX:AOTMode=on",
                OUT.resolve("runtime/bin/java").toString());
        assertThat(OUT.resolve("runtime/lib/modules")).exists();
    }

    @Test
    void wrapperAnswersVersionAndForwardsAddUnderAnEmptyEnvironment() throws Exception {
        List<String> wrapper = List.of(OUT.resolve("calyx").toString());
        ShimRun version = ShimRun.run(wrapper, env("CNI_COMMAND", "VERSION"), null, false);
        assertThat(version.exit()).as(version.stderr()).isZero();
        assertThat(version.json().get("supportedVersions").toString()).contains("1.1.0");
        assertThat(version.stderr()).isEmpty();

        String conf = ShimProcessTest.conf("1.0.0", "");
        ShimRun down = ShimRun.run(wrapper, podEnv("ADD"), conf, true);
        assertThat(down.exit()).isNotZero();
        assertThat(down.json().get("code").asInt()).isEqualTo(11);

        StubHandler handler = new StubHandler();
        try (CniServer server = CniServer.start(socket, new CniDispatcher(handler))) {
            ShimRun add = ShimRun.run(wrapper, podEnv("ADD"), conf, true);
            assertThat(add.exit()).as(add.stdout() + add.stderr()).isZero();
            assertThat(add.json().get("interfaces").get(1).get("name").asText()).isEqualTo("eth0");
        }
        assertThat(handler.calls("ADD")).hasSize(1);
    }
}
