package dev.calyx.lab;

import dev.calyx.kernel.netns.Netns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One two-node lab for the whole class (building it is the slow part): wiring, servers, prober, runner, teardown.
 */
@Tag("kernel")
class LabKernelTest {
    static final Prober PROBER = new Prober(Duration.ofSeconds(1));
    static final Convergence QUICK = new Convergence(Duration.ofMillis(500), Duration.ofSeconds(2));

    static LabConfig config;
    static LabModel model;
    static Lab lab;

    @BeforeAll
    static void up() {
        config = TestLabs.config();
        model = LabModel.load(SharedConformance.dir().resolve("model.yaml"));
        try {
            lab = Lab.up(config, model, 2).serveInProcess();
        } catch (RuntimeException e) {
            Lab.down(config);
            TestLabs.removeDir(config.stateDir());
            throw e;
        }
    }

    @AfterAll
    static void down() {
        try {
            if (lab != null) {
                lab.close();
            }
            assertThat(LabNamespaces.existing(config.prefix())).isEmpty();
            assertThat(config.stateFile()).doesNotExist();
        } finally {
            Lab.down(config);
            TestLabs.removeDir(config.stateDir());
        }
    }

    @Test
    void ninePodsSpreadOverTwoNodesInTheirOwnNamespaces() {
        assertThat(lab.pods()).hasSize(9);
        assertThat(lab.pods()).extracting(Pod::node).containsOnly(0, 1);
        assertThat(lab.pods()).allSatisfy(p -> {
            assertThat(Netns.exists(p.netns())).isTrue();
            assertThat(p.netns()).startsWith(config.prefix());
            assertThat(p.ip().getHostAddress()).startsWith("10.99." + p.node() + ".");
        });
        LabState state = LabState.load(config.stateFile()).orElseThrow();
        assertThat(state.runningPods()).isEqualTo(lab.pods());
        assertThat(state.nodes()).hasSize(2);
    }

    @Test
    void withoutPoliciesEveryProbeConnects() {
        for (Protocol protocol : Protocol.values()) {
            for (int port : List.of(80, 81)) {
                Matrix observed = lab.probe(PROBER, port, protocol);
                assertThat(TestLabs.all(model, true).diff(observed, true)).as(protocol + " " + port).isEmpty();
            }
        }
    }

    @Test
    void droppedTrafficShowsAsBlockedCells() throws IOException {
        Path dir = Files.createTempDirectory("calyx-lab-case-");
        try (NftDropSink sink = new NftDropSink(lab.network().nodes())) {
            ConformanceRunner runner = new ConformanceRunner(model, lab.pods(), sink, PROBER, QUICK);
            CaseResult denied = runner.run(ConformanceCase.load(
                    SharedConformance.dir().resolve("cases/001-default-deny-ingress.yaml")));
            assertThat(denied.passed()).as(ConformanceReport.describe(denied)).isTrue();

            ConformanceCase wrong = ConformanceCase.load(writeCase(dir, "900-wrong.yaml", "deny-x-b",
                    TestLabs.all(model, true)));
            CaseResult failed = runner.run(wrong);
            assertThat(failed.passed()).isFalse();
            assertThat(failed.probes().getFirst().differences()).extracting(Object::toString)
                    .hasSize(8).contains("x/a -> x/b: expected ., observed X", "z/c -> x/b: expected ., observed X");
            assertThat(ConformanceReport.describe(failed)).contains("FAIL 900 wrong", "y/a -> x/b: expected .");
        } finally {
            TestLabs.removeDir(dir);
        }
    }

    @Test
    void noPolicySinkRunnerPassesAnAllConnectingCase() throws IOException {
        Path dir = Files.createTempDirectory("calyx-lab-case-");
        try {
            ConformanceCase open = ConformanceCase.load(writeCase(dir, "901-open.yaml", null,
                    TestLabs.all(model, true)));
            ConformanceRunner runner = new ConformanceRunner(model, lab.pods(), new NoPolicySink(), PROBER, QUICK);
            List<CaseResult> results = runner.runAll(List.of(open), r -> {});
            assertThat(results.getFirst().passed()).as(ConformanceReport.describe(results.getFirst())).isTrue();
            assertThat(ConformanceReport.summary(results)).isEqualTo("1 passed, 0 failed");
        } finally {
            TestLabs.removeDir(dir);
        }
    }

    /** A case with one step: optionally a policy selecting pod=b in x, then a UDP 80 probe expecting {@code m}. */
    static Path writeCase(Path dir, String file, String policyName, Matrix m) throws IOException {
        String id = file.substring(0, 3);
        String slug = file.substring(4, file.length() - 5);
        String apply = Optional.ofNullable(policyName).map(n -> """
                  apply:
                  - apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: %s, namespace: x}
                    spec:
                      podSelector: {matchLabels: {pod: b}}
                      policyTypes: [Ingress]
                """.formatted(n)).orElse("");
        String expect = m.render().lines().map(l -> "        " + l).reduce("", (a, b) -> a + b + "\n");
        String text = "id: '" + id + "'\nslug: " + slug + "\nname: synthetic\ncompare: {ignore_loopback: true}\n"
                + "steps:\n- description: synthetic\n" + apply
                + "  probes:\n  - port: 80\n    protocol: UDP\n    expect: |\n" + expect;
        Path out = dir.resolve(file);
        Files.writeString(out, text);
        return out;
    }
}
