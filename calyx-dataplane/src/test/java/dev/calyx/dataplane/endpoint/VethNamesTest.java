package dev.calyx.dataplane.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VethNamesTest {
    @Test
    void podNamesMatchCalicosVectors() {
        // conversion_test.go: prefix "eni", namespace "namespace", pod "podname"
        assertThat(VethNames.forPod("eni", "namespace", "podname")).isEqualTo("eni82111e10a96");
        assertThat(VethNames.forPod("default", "nginx")).isEqualTo("calic440f455693").hasSize(15);
    }

    @Test
    void otherOrchestratorsUseTheContainerIdPrefix() {
        assertThat(VethNames.forContainer("0a0a9db1c2d3e4f5a6b7")).isEqualTo("cali0a0a9db1c2d");
        assertThat(VethNames.forContainer("abc")).isEqualTo("caliabc");
    }

    @Test
    void rejectsPrefixesThatWouldOverflowIfnamsiz() {
        assertThatThrownBy(() -> VethNames.forPod("calix", "ns", "pod"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calix");
        assertThatThrownBy(() -> VethNames.forPod("ns", "")).hasMessageContaining("pod");
    }

    @Test
    void recognisesWorkloadVeths() {
        assertThat(VethNames.isWorkloadVeth("calic440f455693")).isTrue();
        assertThat(VethNames.isWorkloadVeth("cali")).isFalse();
        assertThat(VethNames.isWorkloadVeth(VethNames.VXLAN_DEVICE)).isFalse();
        assertThat(VethNames.isWorkloadVeth(VethNames.IPIP_DEVICE)).isFalse();
    }
}
