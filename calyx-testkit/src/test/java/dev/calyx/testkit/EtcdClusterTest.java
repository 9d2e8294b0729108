package dev.calyx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("etcd")
class EtcdClusterTest {

    @Test
    void singleMemberStartsOnLoopbackStopsRestartsAndCleansUp() {
        Path dir;
        try (EtcdCluster etcd = EtcdCluster.start()) {
            dir = etcd.directory();
            assertThat(etcd.endpoints()).singleElement().asString().startsWith("http://127.0.0.1:")
                    .doesNotEndWith(":2379");
            assertThat(etcd.datastoreSpec()).isEqualTo("etcd:" + etcd.endpoint(0));
            assertThat(etcd.isRunning(0)).isTrue();

            etcd.stop(0);
            assertThat(etcd.isRunning(0)).isFalse();
            etcd.startMember(0);
            etcd.awaitHealthy();
            assertThat(etcd.isRunning(0)).isTrue();

            etcd.kill(0);
            assertThat(etcd.isRunning(0)).isFalse();
            assertThat(etcd.logFile(0)).exists();
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void threeMembersBecomeHealthyAndSurviveOneStop() {
        try (EtcdCluster etcd = EtcdCluster.start(3)) {
            assertThat(etcd.endpoints()).hasSize(3).doesNotHaveDuplicates();
            etcd.stop(1);
            etcd.awaitHealthy();
            etcd.startMember(1);
            etcd.awaitHealthy();
            assertThat(etcd.isRunning(1)).isTrue();
        }
    }

    @Test
    void electionTimeoutShorterThanFiveHeartbeatsIsRefused() {
        assertThatThrownBy(() -> EtcdCluster.builder().heartbeat(Duration.ofMillis(100), Duration.ofMillis(200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("election timeout 200ms");
    }
}
