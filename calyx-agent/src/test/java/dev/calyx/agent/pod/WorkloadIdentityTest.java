package dev.calyx.agent.pod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Calico's names (calico.md §1.4) as the agent derives them. */
class WorkloadIdentityTest {
    @Test
    void kubernetesPodNames() {
        WorkloadIdentity id = new WorkloadIdentity("k8s", "default", "nginx", "0a0a9db", "eth0", "k8s-pod-network");
        assertThat(id.hostVethName()).isEqualTo("calic440f455693");
        assertThat(id.endpointName("node1")).isEqualTo("node1-k8s-nginx-eth0");
        assertThat(id.ipamHandle()).isEqualTo("k8s-pod-network.0a0a9db");
        assertThat(new WorkloadIdentity("k8s", "default", "mypod-1", "x", "eth0", "n").endpointName("node1"))
                .isEqualTo("node1-k8s-mypod--1-eth0");
    }

    @Test
    void plainCniContainersAndExtraInterfaces() {
        WorkloadIdentity cni = new WorkloadIdentity("cni", "default", "0123456789abcdef", "0123456789abcdef", "eth0",
                "net");
        assertThat(cni.hostVethName()).isEqualTo("cali0123456789a");
        assertThat(cni.endpointName("n1")).isEqualTo("n1-cni-0123456789abcdef-eth0");
        WorkloadIdentity eth1 = new WorkloadIdentity("k8s", "default", "nginx", "c1", "eth1", "net");
        assertThat(eth1.hostVethName()).isNotEqualTo("calic440f455693").startsWith("cali").hasSize(15);
        assertThat(eth1.ipamHandle()).isEqualTo("net.c1.eth1");
    }
}
