package dev.calyx.lab;

import dev.calyx.kernel.netlink.IpPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabStateTest {
    static final PodSpec XA = new PodSpec(PodRef.parse("x/a"), Map.of("pod", "a"),
            List.of(new ContainerPort("serve-80-tcp", 80, Protocol.TCP)));

    @Test
    void roundTripsThroughTheStateFile(@TempDir Path dir) {
        Pod pod = new Pod(XA.ref(), 1, "calyx-lab-pod-x-a", IpPrefix.parseAddress("10.99.1.2"), "cali0123456789a");
        LabState state = new LabState("calyx-lab-", List.of("calyx-lab-node0", "calyx-lab-node1"),
                List.of(LabState.PodState.of(pod, XA, XA.labels())), Map.of("x", Map.of("ns", "x")), 0)
                .withServerPid(4242).withPodLabels(XA.ref(), Map.of("pod", "a", "team", "blue"))
                .withNamespaceLabels("x", Map.of("ns", "x", "env", "dev"));
        Path file = dir.resolve("state.json");
        state.save(file);
        LabState read = LabState.load(file).orElseThrow();
        assertThat(read).isEqualTo(state);
        assertThat(read.runningPods()).containsExactly(pod);
        assertThat(read.pod(XA.ref()).orElseThrow().spec().ports()).isEqualTo(XA.ports());
        assertThat(read.serverPid()).isEqualTo(4242);
        assertThat(LabState.load(dir.resolve("absent.json"))).isEmpty();
    }

    @Test
    void unreadableStateIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> LabState.load(file)).isInstanceOf(LabException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("calyx lab down");
    }

    @Test
    void relabelSetsAndRemoves() {
        Relabel r = new Relabel(Relabel.Kind.Pod, "x", "b", Map.of("pod2", "updated"), List.of("pod"));
        assertThat(r.applyTo(Map.of("pod", "b", "keep", "1"))).isEqualTo(Map.of("pod2", "updated", "keep", "1"));
        assertThatThrownBy(() -> new Relabel(Relabel.Kind.Namespace, "y", "y", Map.of(), List.of()))
                .hasMessageContaining("needs add and/or remove");
    }

    @Test
    void configRefusesForeignPrefixesAndOddRanges() {
        LabConfig d = LabConfig.defaults();
        assertThatThrownBy(() -> new LabConfig("mylab-", d.stateDir(), d.podRange(), d.underlayRange()))
                .hasMessageContaining("must start with calyx-lab-");
        assertThatThrownBy(() -> d.withPodRange(IpPrefix.parse("10.99.0.0/24")))
                .hasMessageContaining("want an IPv4 /16");
        assertThatThrownBy(() -> d.withPodRange(d.underlayRange())).hasMessageContaining("both");
        assertThat(HostRouteCheck.overlaps(IpPrefix.parse("10.0.0.0/8"), IpPrefix.parse("10.99.0.0/16"))).isTrue();
        assertThat(HostRouteCheck.overlaps(IpPrefix.parse("192.0.2.0/24"), IpPrefix.parse("10.99.0.0/16")))
                .isFalse();
    }
}
