package dev.calyx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionCommandTest {
    @Test
    void unknownOutputFormatIsAnErrorNamingTheFlag() {
        assertThat(Main.run("version", "-o", "xml")).isEqualTo(1);
    }

    @Test
    void errorsNameTheFullCommandPath() {
        CliRun run = CliRun.of("ipam", "show", "--datastore", "nosuch:x");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("calyx ipam show: ");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertThat(Main.run()).isEqualTo(2);
    }

    @Test
    void versionPrintsJson() {
        assertThat(Main.run("version", "-o", "json")).isZero();
        assertThat(VersionCommand.facts()).containsKeys("calyx", "java", "kernel");
    }
}
