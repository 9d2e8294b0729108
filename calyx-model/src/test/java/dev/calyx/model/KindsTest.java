package dev.calyx.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KindsTest {
    @ParameterizedTest
    @CsvSource({
        "ippool, IP_POOL", "IPPools, IP_POOL", "pool, IP_POOL",
        "gnp, GLOBAL_NETWORK_POLICY", "globalnetworkpolicies, GLOBAL_NETWORK_POLICY",
        "netpol, NETWORK_POLICY", "networkpolicy, NETWORK_POLICY", "np, NETWORK_POLICY",
        "hep, HOST_ENDPOINT", "hostendpoints, HOST_ENDPOINT",
        "felixconfig, FELIX_CONFIGURATION", "bgppeers, BGP_PEER", "bgpconfig, BGP_CONFIGURATION",
        "wep, WORKLOAD_ENDPOINT", "tiers, TIER", "profile, PROFILE", "gns, GLOBAL_NETWORK_SET",
        "netsets, NETWORK_SET", "kubecontrollersconfig, KUBE_CONTROLLERS_CONFIGURATION",
        "clusterinfo, CLUSTER_INFORMATION", "ipreservations, IP_RESERVATION", "bgpfilter, BGP_FILTER",
        "nodes, NODE", "knp, KUBERNETES_NETWORK_POLICY", "ns, KUBERNETES_NAMESPACE",
        "bgppeers.projectcalico.org, BGP_PEER", "bgppeer.p, BGP_PEER", "NetworkPolicies.projectcalico.org, NETWORK_POLICY",
        "networkpolicies.networking.k8s.io, KUBERNETES_NETWORK_POLICY",
    })
    void calicoctlNamesResolve(String name, Kind kind) {
        assertThat(Kinds.lookup(name)).contains(kind);
    }

    @Test
    void scopeAndPlural() {
        assertThat(Kind.NETWORK_POLICY.namespaced()).isTrue();
        assertThat(Kind.GLOBAL_NETWORK_POLICY.namespaced()).isFalse();
        assertThat(Kind.IP_POOL.plural()).isEqualTo("ippools");
        assertThat(Kinds.forManifest("networking.k8s.io/v1", "NetworkPolicy")).contains(Kind.KUBERNETES_NETWORK_POLICY);
        assertThat(Kinds.forManifest("projectcalico.org/v3", "NetworkPolicy")).contains(Kind.NETWORK_POLICY);
    }

    @Test
    void unknownNamesFailWithTheName() {
        assertThat(Kinds.lookup("ippoool")).isEmpty();
        assertThatThrownBy(() -> Kinds.require("ippoool")).hasMessageContaining("\"ippoool\"");
    }

    @Test
    void everyKindHasItsType() {
        for (Kind k : Kind.values()) {
            assertThat(Kind.of(k.type())).isEqualTo(k);
        }
    }
}
