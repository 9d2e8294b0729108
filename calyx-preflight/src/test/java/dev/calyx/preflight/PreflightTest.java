package dev.calyx.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightTest {
    record Fixed(String name, List<CheckResult> results) implements Check {
        @Override
        public List<CheckResult> run(PreflightContext ctx) {
            return results;
        }
    }

    record Throwing(String name) implements Check {
        @Override
        public List<CheckResult> run(PreflightContext ctx) {
            throw new IllegalStateException("ip -j addr show: Cannot open netns \"gone\"");
        }
    }

    @Test
    void aCrashingCheckBecomesAFailRowAndTheOthersStillRun() {
        Preflight p = new Preflight(List.of(new Throwing("pools"),
                new Fixed("arch", List.of(CheckResult.pass("arch", "x86_64")))));
        PreflightReport report = p.run(PreflightContext.forHost(Mode.VXLAN));
        assertThat(report.results()).extracting(CheckResult::name).containsExactly("pools", "arch");
        assertThat(report.results().getFirst().evidence()).contains("Cannot open netns \"gone\"");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void warningsDoNotFail() {
        PreflightReport report = new PreflightReport(List.of(CheckResult.warn("x", "e", "f"),
                CheckResult.skip("y", "why")));
        assertThat(report.exitCode()).isZero();
        assertThat(report.count(Status.WARN)).isEqualTo(1);
    }

    @Test
    void aWarningWithoutAFixIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckResult.warn("x", "e", ""))
                .hasMessageContaining("check x");
    }
}
