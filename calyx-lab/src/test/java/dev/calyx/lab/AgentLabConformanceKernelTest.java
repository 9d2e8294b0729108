package dev.calyx.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The acceptance path end to end: one lab node running a real node agent, the 27 model pods attached by the real
 * CNI shim, policies written to the datastore, enforced by the agent's nft table. Runs the six shared cases and
 * the extra synthetic cases in {@code src/test/resources/netpol-extra}.
 */
@Tag("kernel")
class AgentLabConformanceKernelTest {
    static final Prober PROBER = new Prober(Duration.ofSeconds(1));
    // The agents converge well inside a second; polling every 300 ms for up to 10 s keeps the README's bound.
    static final Convergence CONVERGENCE = new Convergence(Duration.ofMillis(300), Duration.ofSeconds(10));
    static LabConfig config;
    static LabModel model;
    static Lab lab;
    static PolicySink sink;

    @BeforeAll
    static void up() {
        config = TestLabs.config();
        model = LabModel.load(SharedConformance.dir().resolve("model.yaml"));
        try {
            lab = Lab.upWithAgents(config, model, 1).serveInProcess();
            sink = lab.policySink();
        } catch (RuntimeException e) {
            down();
            throw e;
        }
    }

    @AfterAll
    static void down() {
        try {
            if (sink != null) {
                sink.close();
            }
            if (lab != null) {
                lab.close();
            }
        } finally {
            Lab.down(config);
            TestLabs.removeDir(config.stateDir());
        }
    }

    private static void assertAllPass(List<ConformanceCase> cases, int expected) {
        assertThat(cases).hasSize(expected);
        ConformanceRunner runner = new ConformanceRunner(model, lab.pods(), sink, PROBER, CONVERGENCE);
        List<CaseResult> results = runner.runAll(cases, r -> {});
        String failures = results.stream().filter(r -> !r.passed()).map(ConformanceReport::describe)
                .collect(Collectors.joining("\n"));
        assertThat(failures).as("failing cases").isEmpty();
        assertThat(results).hasSize(cases.size());
    }

    @Test
    void sharedSampleCasesPass() {
        assertAllPass(ConformanceCase.loadAll(List.of(SharedConformance.dir().resolve("cases"))), 6);
    }

    @Test
    void extraEdgeCasesPass() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(
                AgentLabConformanceKernelTest.class.getResource("/netpol-extra").toURI());
        assertAllPass(ConformanceCase.loadAll(List.of(dir)), 6);
    }
}
