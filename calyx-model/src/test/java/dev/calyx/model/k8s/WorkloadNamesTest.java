package dev.calyx.model.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Test vectors from Calico (calico.md §1.4). */
class WorkloadNamesTest {
    @ParameterizedTest
    @CsvSource({"node1, mypod-1, eth0, node1-k8s-mypod--1-eth0", "my-node, p, eth0, my--node-k8s-p-eth0"})
    void endpointNames(String node, String pod, String endpoint, String expected) {
        assertThat(WorkloadNames.kubernetesEndpointName(node, pod, endpoint)).isEqualTo(expected);
    }
}
