package dev.calyx.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.cli.Main;
import org.junit.jupiter.api.Test;

/** The agent's command line (the agent itself is tested end to end in calyx-agent). */
class NodeRunCommandTest {
    @Test
    void helpListsTheAgreedFlags() {
        var out = new java.io.ByteArrayOutputStream();
        var saved = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            assertThat(Main.run("node", "run", "--help")).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(out.toString()).contains("--node-name", "--datastore", "--cni-socket", "--del-queue",
                "--host-netns", "--health-port", "--metrics-port", "--default-pool");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Main.run("node", "run", "--health-port", "many")).isEqualTo(2);
        assertThat(Main.run("node", "run", "--host-netns", "/nonexistent/calyx-netns")).isEqualTo(2);
        assertThat(Main.run("node")).isEqualTo(2);
    }
}
