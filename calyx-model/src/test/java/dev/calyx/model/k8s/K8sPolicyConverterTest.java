package dev.calyx.model.k8s;

import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.KubernetesPod;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.numorstring.Port;
import dev.calyx.model.policy.Rule;
import dev.calyx.model.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class K8sPolicyConverterTest {
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    private NetworkPolicy convert(String spec) {
        var knp = (KubernetesNetworkPolicy) codec.decode("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: prod}
                spec:
                """ + spec.indent(2), "knp");
        NetworkPolicy np = K8sPolicyConverter.toCalico(knp);
        assertThat(Validator.validate(np)).as("converted policy validates").isEmpty();
        return np;
    }

    @Test
    void nameTierOrderAndDefaultDenySelector() {
        NetworkPolicy np = convert("podSelector: {}\npolicyTypes: [Ingress]\n");
        assertThat(np.metadata().name()).isEqualTo("knp.default.web");
        assertThat(np.metadata().namespace()).isEqualTo("prod");
        assertThat(np.spec().tier()).isEqualTo("default");
        assertThat(np.spec().order()).isEqualTo(1000.0);
        assertThat(np.spec().selector()).isEqualTo("projectcalico.org/orchestrator == 'k8s'");
        assertThat(np.spec().types()).containsExactly("Ingress");
        assertThat(np.spec().ingress()).isNull();
        assertThat(np.spec().egress()).isNull();
    }

    @Test
    void podSelectorTermsFollowTheOrchestratorTerm() {
        NetworkPolicy np = convert("""
                podSelector:
                  matchLabels: {role: db, app: web}
                  matchExpressions: [{key: tier, operator: In, values: [a, b]}, {key: x, operator: DoesNotExist}]
                """);
        assertThat(np.spec().selector()).isEqualTo("projectcalico.org/orchestrator == 'k8s' && app == 'web' && "
                + "role == 'db' && tier in { 'a', 'b' } && ! has(x)");
    }

    @Test
    void typesDefaultLikeTheApiServer() {
        assertThat(convert("podSelector: {}\negress: [{}]\n").spec().types()).containsExactly("Ingress", "Egress");
        assertThat(convert("podSelector: {}\npolicyTypes: [Egress]\n").spec().types()).containsExactly("Egress");
    }

    @Test
    void peersCombineNamespaceAndPodSelectors() {
        NetworkPolicy np = convert("""
                podSelector: {}
                ingress:
                - from:
                  - namespaceSelector: {matchLabels: {team: a}}
                    podSelector: {matchLabels: {app: api}}
                  - namespaceSelector: {}
                  - podSelector: {matchLabels: {app: web}}
                """);
        List<Rule> in = np.spec().ingress();
        assertThat(in).hasSize(3);
        assertThat(in.get(0).source().selector()).isEqualTo("projectcalico.org/orchestrator == 'k8s' && app == 'api'");
        assertThat(in.get(0).source().namespaceSelector()).isEqualTo("team == 'a'");
        assertThat(in.get(1).source().selector()).isEqualTo("projectcalico.org/orchestrator == 'k8s'");
        assertThat(in.get(1).source().namespaceSelector()).isEqualTo("all()");
        assertThat(in.get(2).source().namespaceSelector()).isNull();
        assertThat(in).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("Allow");
            assertThat(r.protocol()).isNull();
        });
    }

    @Test
    void ipBlockWithExceptIsMasked() {
        NetworkPolicy np = convert("""
                podSelector: {}
                policyTypes: [Egress]
                egress:
                - to: [{ipBlock: {cidr: 10.1.2.3/8, except: [10.1.0.0/16, 10.2.3.4/16]}}]
                """);
        var dst = np.spec().egress().getFirst().destination();
        assertThat(dst.nets()).containsExactly("10.0.0.0/8");
        assertThat(dst.notNets()).containsExactly("10.1.0.0/16", "10.2.0.0/16");
        assertThat(dst.selector()).isNull();
    }

    @Test
    void portsGroupByProtocolWithRangesAndNames() {
        NetworkPolicy np = convert("""
                podSelector: {}
                ingress:
                - from: [{podSelector: {}}]
                  ports:
                  - {port: 80}
                  - {protocol: UDP, port: 53}
                  - {protocol: TCP, port: 81, endPort: 90}
                  - {port: http}
                  - {protocol: SCTP}
                """);
        List<Rule> in = np.spec().ingress();
        assertThat(in).extracting(r -> r.protocol().toString()).containsExactly("SCTP", "TCP", "UDP");
        assertThat(in.get(0).destination().ports()).isNull();
        assertThat(in.get(1).destination().ports()).containsExactly(Port.range(80, 90), Port.named("http"));
        assertThat(in.get(2).destination().ports()).containsExactly(Port.single(53));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "80,81,82,90   | 80:82,90",
        "100,50:60,55  | 50:60,100",
        "1,1           | 1",
    })
    void simplifyMergesPorts(String in, String out) {
        List<Port> ports = List.of(in.split(",")).stream().map(Port::parse).toList();
        assertThat(K8sPolicyConverter.simplify(ports)).extracting(Port::toString)
                .containsExactly(out.split(","));
    }

    @Test
    void namespaceBecomesKnsProfile() {
        var ns = (KubernetesNamespace) codec.decode("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: prod, labels: {team: a}}
                """, "ns");
        var profile = NamespaceProfiles.toProfile(ns);
        assertThat(profile.metadata().name()).isEqualTo("kns.prod");
        assertThat(profile.spec().labelsToApply()).containsExactly(Map.entry("pcns.team", "a"),
                Map.entry("pcns.projectcalico.org/name", "prod"));
        assertThat(profile.spec().ingress()).extracting(Rule::action).containsExactly("Allow");
        assertThat(Validator.validate(profile)).isEmpty();
    }

    @Test
    void podLabelsProfilesAndNamedPorts() {
        var pod = (KubernetesPod) codec.decode("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: prod, labels: {app: web}}
                spec:
                  serviceAccountName: sa1
                  containers:
                  - name: c
                    ports: [{name: http, containerPort: 8080}, {containerPort: 9090}, {name: dns, containerPort: 53, protocol: UDP}]
                """, "pod");
        assertThat(PodConversion.endpointLabels(pod)).containsEntry("app", "web")
                .containsEntry("projectcalico.org/namespace", "prod")
                .containsEntry("projectcalico.org/orchestrator", "k8s")
                .containsEntry("projectcalico.org/serviceaccount", "sa1");
        assertThat(PodConversion.profiles(pod)).containsExactly("kns.prod", "ksa.prod.sa1");
        assertThat(PodConversion.ports(pod)).extracting(p -> p.name() + "/" + p.protocol() + "/" + p.port())
                .containsExactly("http/TCP/8080", "dns/UDP/53");
    }
}
