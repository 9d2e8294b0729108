package dev.calyx.lab;

import dev.calyx.kernel.netns.Netns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code down} sweeps namespaces by prefix even when no state file records them (a crashed lab's orphans). */
@Tag("kernel")
class LabDownKernelTest {
    @Test
    void removesOrphanNamespacesByPrefixOnly() {
        LabConfig config = TestLabs.config();
        LabConfig other = TestLabs.config();
        String orphan = LabNamespaces.node(config.prefix(), 7);
        String bystander = LabNamespaces.node(other.prefix(), 0);
        try {
            Netns.create(orphan).close();
            Netns.create(bystander).close();
            Lab.DownReport report = Lab.down(config);
            assertThat(report.namespaces()).containsExactly(orphan);
            assertThat(report.daemonStopped()).isFalse();
            assertThat(Netns.exists(orphan)).isFalse();
            assertThat(Netns.exists(bystander)).isTrue();
            assertThat(Lab.down(config).namespaces()).isEmpty();
        } finally {
            Netns.delete(orphan);
            Netns.delete(bystander);
            TestLabs.removeDir(config.stateDir());
            TestLabs.removeDir(other.stateDir());
        }
    }
}
