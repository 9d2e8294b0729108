package dev.calyx.model.codec;

import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.IPPool;
import dev.calyx.model.Kind;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.KubernetesPod;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.Resource;
import dev.calyx.model.numorstring.Port;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceCodecTest {
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    private static final String GNP = """
            apiVersion: projectcalico.org/v3
            kind: GlobalNetworkPolicy
            metadata:
              name: deny-all
            spec:
              ingress:
              - action: Allow
                protocol: TCP
                destination:
                  ports: [80, "8000:9000", http]
            """;

    @Test
    void decodesCalicoFieldNames() {
        GlobalNetworkPolicy gnp = (GlobalNetworkPolicy) codec.decode(GNP, "gnp.yaml");
        assertThat(gnp.metadata().name()).isEqualTo("deny-all");
        var ports = gnp.spec().ingress().getFirst().destination().ports();
        assertThat(ports).containsExactly(Port.single(80), Port.range(8000, 9000), Port.named("http"));
    }

    @Test
    void unknownFieldIsRejectedWithItsPath() {
        String text = GNP.replace("ports:", "portz:");
        assertThatThrownBy(() -> codec.decodeAll(text, "gnp.yaml"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("GlobalNetworkPolicy/deny-all: spec.ingress[0].destination.portz: unknown field")
                .hasMessageContaining("gnp.yaml: document 1 (line 1)")
                .satisfies(e -> assertThat(((DecodeException) e).path())
                        .isEqualTo("spec.ingress[0].destination.portz"));
    }

    @Test
    void unknownTopLevelAndMetadataFieldsAreRejected() {
        assertThatThrownBy(() -> codec.decodeAll(GNP + "extra: 1\n", "x"))
                .hasMessageContaining("extra: ").hasMessageContaining("unknown field");
        assertThatThrownBy(() -> codec.decodeAll(GNP.replace("  name: deny-all", "  name: deny-all\n  nmae: x"), "x"))
                .hasMessageContaining("metadata.nmae: ");
    }

    @Test
    void multiDocumentYamlKeepsOrderDocumentAndLine() {
        String text = GNP + "---\n" + """
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata:
                  name: p1
                spec:
                  cidr: 10.0.0.0/16
                ---
                """;
        List<Decoded> all = codec.decodeAll(text, "two.yaml");
        assertThat(all).extracting(d -> d.resource().kind()).containsExactly(Kind.GLOBAL_NETWORK_POLICY, Kind.IP_POOL);
        assertThat(all.get(1).document()).isEqualTo(2);
        assertThat(all.get(1).line()).isGreaterThan(10);
    }

    @Test
    void errorInSecondDocumentNamesIt() {
        String text = GNP + "---\napiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata: {name: p}\n"
                + "spec: {cidr: 10.0.0.0/8, blockSize: big}\n";
        assertThatThrownBy(() -> codec.decodeAll(text, "f.yaml"))
                .hasMessageContaining("f.yaml: document 2")
                .hasMessageContaining("spec.blockSize: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "spec: {cidr: 10.0.0.0/8, blockSize: big}      | spec.blockSize | expected a number",
        "spec: {cidr: 10.0.0.0/8, blockSize: '26'}     | spec.blockSize | expected a number",
        "spec: {cidr: 10.0.0.0/8, blockSize: 26.5}     | spec.blockSize | expected a number",
        "spec: {cidr: [10.0.0.0/8]}                    | spec.cidr | expected a string",
        "spec: {cidr: 10.0.0.0/8, allowedUses: Tunnel} | spec.allowedUses | expected a list",
        "spec: {cidr: 10.0.0.0/8, natOutgoing: 'yes'}  | spec.natOutgoing | expected true or false",
        "spec: [1]                                     | spec | expected an object",
    })
    void wrongTypesNameTheFieldAndTheExpectedType(String spec, String path, String message) {
        String text = "apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata: {name: p}\n" + spec + "\n";
        assertThatThrownBy(() -> codec.decodeAll(text, "p.yaml"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("IPPool/p: " + path + ": invalid value: " + message)
                .satisfies(e -> assertThat(((DecodeException) e).path()).isEqualTo(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"List", "IPPoolList"})
    void listDocumentsExpandToItems(String listKind) {
        String text = """
                apiVersion: projectcalico.org/v3
                kind: %s
                metadata: {resourceVersion: "12"}
                items:
                - apiVersion: projectcalico.org/v3
                  kind: IPPool
                  metadata: {name: a}
                  spec: {cidr: 10.1.0.0/16}
                - apiVersion: projectcalico.org/v3
                  kind: IPPool
                  metadata: {name: b}
                  spec: {cidr: 10.2.0.0/16}
                """.formatted(listKind);
        assertThat(codec.decodeAll(text, "list.yaml")).extracting(d -> d.resource().metadata().name())
                .containsExactly("a", "b");
    }

    @Test
    void unknownKindsAreClearErrors() {
        assertThatThrownBy(() -> codec.decodeAll("apiVersion: projectcalico.org/v3\nkind: IPPoll\nmetadata: {name: x}\n", "k"))
                .hasMessageContaining("kind: unknown kind \"IPPoll\" for apiVersion projectcalico.org/v3");
        assertThatThrownBy(() -> codec.decodeAll("apiVersion: apps/v1\nkind: Deployment\n", "k"))
                .hasMessageContaining("unknown resource type apps/v1/Deployment");
        assertThatThrownBy(() -> codec.decodeAll("kind: IPPool\n", "k")).hasMessageContaining("apiVersion: Required value");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> codec.decodeAll("a: b\n  c: [\n", "bad.yaml"))
                .isInstanceOf(DecodeException.class).hasMessageContaining("bad.yaml").hasMessageContaining("malformed YAML");
    }

    @Test
    void jsonInputAndJsonArrays() {
        String one = codec.encodeJson(codec.decode(GNP, "g"));
        assertThat(codec.decode(one, "g.json")).isEqualTo(codec.decode(GNP, "g"));
        String array = "[" + one + "," + one + "]";
        assertThat(codec.decodeAll(array, "a.json")).hasSize(2);
        String list = codec.encodeJson(List.of(codec.decode(GNP, "g")));
        assertThat(codec.decodeAll(list, "l.json")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IPPool | spec: {cidr: 10.0.0.0/16, blockSize: 24, ipipMode: Always, natOutgoing: true, allowedUses: [Workload]}",
        "BGPPeer | spec: {peerIP: '192.0.2.1:1179', asNumber: 64512, password: {secretKeyRef: {name: s, key: k}}}",
        "BGPConfiguration | spec: {asNumber: 65000, nodeToNodeMeshEnabled: false, serviceClusterIPs: [{cidr: 10.96.0.0/12}]}",
        "FelixConfiguration | spec: {bpfEnabled: true, failsafeInboundHostPorts: [{protocol: tcp, port: 22}], iptablesMarkMask: 4294901760}",
        "Tier | spec: {order: 150.5, defaultAction: Pass}",
        "HostEndpoint | spec: {node: n1, interfaceName: eth0, ports: [{name: ssh, protocol: TCP, port: 22}]}",
        "GlobalNetworkSet | spec: {nets: [198.51.100.0/28]}",
        "Profile | spec: {ingress: [{action: Allow}], labelsToApply: {a: b}}",
        "KubeControllersConfiguration | spec: {controllers: {node: {reconcilerPeriod: 5m, hostEndpoint: {autoCreate: Enabled}}}}",
        "Node | spec: {bgp: {ipv4Address: 10.0.0.1/24, asNumber: '1.10'}, vxlanTunnelMACAddr: '66:aa:bb:cc:dd:ee'}",
        "BGPFilter | spec: {exportV4: [{cidr: 10.0.0.0/8, matchOperator: In, action: Accept, interface: '*.calico', operations: [{prependASPath: {prefix: [65000]}}]}]}",
        "IPReservation | spec: {reservedCIDRs: [10.0.0.0/24]}",
        "NetworkSet | spec: {nets: [10.0.0.0/24]}",
        "StagedNetworkPolicy | spec: {stagedAction: Set, order: 5, ingress: [{action: Allow, http: {paths: [{prefix: /a}]}}]}",
        "StagedGlobalNetworkPolicy | spec: {stagedAction: Delete, tier: t1}",
        "StagedKubernetesNetworkPolicy | spec: {stagedAction: Set, podSelector: {matchExpressions: [{key: a, operator: Exists}]}}",
        "WorkloadEndpoint | spec: {node: n1, interfaceName: cali1, ipNetworks: [10.0.0.1/32], ports: [{name: http, protocol: TCP, port: 80}]}",
        "ClusterInformation | spec: {clusterGUID: abc, datastoreReady: true}",
        "IPAMConfiguration | spec: {strictAffinity: true, maxBlocksPerHost: 4}",
        "BlockAffinity | spec: {state: confirmed, node: n1, cidr: 10.0.0.0/26, deleted: 'false'}",
        "CalicoNodeStatus | spec: {node: n1, classes: [Agent], updatePeriodSeconds: 10}",
        "NetworkPolicy | spec: {ingress: [{action: Allow, protocol: ICMP, icmp: {type: 8, code: 0}, notICMP: {type: 3}, source: {serviceAccounts: {names: [a]}, services: {name: s, namespace: n}}}]}",
    })
    void roundTripIsIdentity(String kind, String spec) {
        String text = "apiVersion: projectcalico.org/v3\nkind: " + kind + "\nmetadata: {name: x, labels: {a: b}}\n"
                + spec + "\n";
        roundTrip(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "networking.k8s.io/v1 | NetworkPolicy | spec: {podSelector: {}, policyTypes: [Egress], egress: [{to: [{namespaceSelector: {matchLabels: {a: b}}}], ports: [{port: dns, protocol: UDP}]}]}",
        "v1 | Namespace | status: {phase: Active}",
        "v1 | Pod | spec: {nodeName: n1, containers: [{name: c, ports: [{containerPort: 80}]}]}",
    })
    void kubernetesRoundTripIsIdentity(String apiVersion, String kind, String body) {
        roundTrip("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}\n" + body + "\n");
    }

    private void roundTrip(String text) {
        Resource first = codec.decode(text, "t");
        String yaml = codec.encodeYaml(first);
        Resource second = codec.decode(yaml, "t2");
        assertThat(second).isEqualTo(first);
        assertThat(codec.encodeYaml(second)).isEqualTo(yaml);
        assertThat(codec.decode(codec.encodeJson(first), "t3")).isEqualTo(first);
    }

    @Test
    void encodingPutsApiVersionKindFirstAndOmitsNulls() {
        String yaml = codec.encodeYaml(codec.decode(GNP, "g"));
        assertThat(yaml).startsWith("apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n");
        assertThat(yaml).doesNotContain("null");
    }

    @Test
    void portRangesThatLookSexagesimalSurviveYaml() {
        String text = GNP.replace("[80, \"8000:9000\", http]", "[\"110:50\", 1:59]");
        var gnp = (GlobalNetworkPolicy) codec.decode(text, "g");
        String yaml = codec.encodeYaml(gnp);
        assertThat(yaml).contains("- \"110:50\"").contains("- \"1:59\"");
        var again = (GlobalNetworkPolicy) codec.decode(yaml, "g");
        assertThat(again.spec().ingress().getFirst().destination().ports())
                .containsExactly(new Port(110, 50, null), Port.range(1, 59));
    }

    @Test
    void protocolsDecodeAsWritten() {
        var np = (NetworkPolicy) codec.decode("""
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: n, namespace: prod}
                spec:
                  ingress: [{action: Allow, protocol: tcp}, {action: Allow, protocol: "17"}]
                """, "n");
        assertThat(np.spec().ingress()).extracting(r -> r.protocol().json()).containsExactly("tcp", "17");
        assertThat(np.spec().ingress().get(0).protocol().problem()).contains("protocol name invalid");
        assertThat(np.spec().ingress().get(1).protocol().problem()).isNull();
        assertThat(np.spec().ingress().get(1).protocol().numeric()).isEqualTo(17);
    }

    @Test
    void kubernetesKindsDispatchOnApiVersion() {
        var knp = codec.decode("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: prod}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
                    ports: [{protocol: TCP, port: 80, endPort: 90}]
                """, "k");
        assertThat(knp).isInstanceOf(KubernetesNetworkPolicy.class);
        assertThat(codec.encodeYaml(knp)).doesNotContain("empty").doesNotContain("int:");
        assertThat(codec.decode(codec.encodeYaml(knp), "again")).isEqualTo(knp);
        var pod = codec.decode("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: prod, labels: {app: web}}
                spec:
                  nodeName: n1
                  containers:
                  - name: c
                    image: nginx
                    ports: [{name: http, containerPort: 80}]
                status: {podIP: 10.0.0.5, hostIP: 192.0.2.1}
                """, "p");
        assertThat(((KubernetesPod) pod).spec().containers().getFirst().ports().getFirst().name()).isEqualTo("http");
        assertThat(codec.decode(codec.encodeYaml(pod), "again")).isEqualTo(pod);
    }

    @Test
    void fractionalPortsAreRejectedNotTruncated() {
        assertThatThrownBy(() -> codec.decodeAll(GNP.replace("[80, \"8000:9000\", http]", "[80.5]"), "g"))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("spec.ingress[0].destination.ports[0]: ")
                .hasMessageContaining("whole number");
    }

    @Test
    void metadataFromGetOutputIsAccepted() {
        var pool = (IPPool) codec.decode("""
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata:
                  name: default-ipv4-ippool
                  creationTimestamp: "2024-01-01T00:00:00Z"
                  resourceVersion: "1234"
                  uid: 0c1e5a2a-8f5e-4a4f-9d55-8e8b5d1a7f1a
                  generation: 1
                spec:
                  cidr: 192.168.0.0/16
                """, "p");
        assertThat(pool.metadata().resourceVersion()).isEqualTo("1234");
    }
}
