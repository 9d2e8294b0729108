package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.model.KubernetesNetworkPolicy;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file of shared/conformance/netpol parses, and every expect matrix renders back to its own text. */
class SharedFilesTest {
    @Test
    void modelHasNineServingPodsInThreeNamespaces() {
        LabModel model = LabModel.load(SharedConformance.dir().resolve("model.yaml"));
        assertThat(model.order()).extracting(Object::toString)
                .containsExactly("x/a", "x/b", "x/c", "y/a", "y/b", "y/c", "z/a", "z/b", "z/c");
        assertThat(model.namespaceLabels("y")).containsEntry("kubernetes.io/metadata.name", "y");
        PodSpec xb = model.pod(PodRef.parse("x/b")).orElseThrow();
        assertThat(xb.labels()).containsExactly(java.util.Map.entry("pod", "b"));
        assertThat(xb.ports()).contains(new ContainerPort("serve-81-udp", 81, Protocol.UDP));
        assertThat(xb.ports()).hasSize(4);
    }

    @Test
    void everyCaseParsesAndItsMatricesRoundTrip() throws Exception {
        Path dir = SharedConformance.dir();
        List<ConformanceCase> cases = ConformanceCase.loadAll(List.of(dir.resolve("cases")));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(6);
        Pattern block = Pattern.compile("expect: \\|\\n((?:      .*\\n)+)");
        for (ConformanceCase c : cases) {
            assertThat(c.source().getFileName().toString()).isEqualTo(c.id() + "-" + c.slug() + ".yaml");
            var m = block.matcher(Files.readString(c.source()));
            List<String> texts = m.results().map(r -> r.group(1).replaceAll("(?m)^      ", "")).toList();
            List<ProbeSpec> probes = c.steps().stream().flatMap(s -> s.probes().stream()).toList();
            assertThat(probes).hasSameSizeAs(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(probes.get(i).expect().render()).as(c.id() + " probe " + i).isEqualTo(texts.get(i));
            }
        }
    }

    @Test
    void everyAppliedPolicyDecodesAfterSubstitution() {
        InetAddress ip = PlaceholdersTest.addr("10.99.0.3");
        List<ConformanceCase> cases = ConformanceCase.loadAll(List.of(SharedConformance.dir().resolve("cases")));
        int policies = 0;
        for (ConformanceCase c : cases) {
            for (Step s : c.steps()) {
                for (JsonNode raw : s.apply()) {
                    KubernetesNetworkPolicy p = PolicyDecoding.decode(Placeholders.substitute(raw, r -> ip),
                            c.source().toString());
                    assertThat(p.metadata().namespace()).isIn("x", "y", "z");
                    assertThat(Yaml.MAPPER.valueToTree(p).toString()).doesNotContain("{{");
                    policies++;
                }
            }
        }
        assertThat(policies).isGreaterThanOrEqualTo(6);
    }

    @Test
    void caseFieldsAreRead() {
        ConformanceCase c = ConformanceCase.load(
                SharedConformance.dir().resolve("cases/027-ingress-egress-together.yaml"));
        assertThat(c.id()).isEqualTo("027");
        assertThat(c.ignoreLoopback()).isTrue();
        assertThat(c.steps()).hasSize(1);
        assertThat(c.steps().getFirst().probes()).extracting(ProbeSpec::port).containsExactly(80, 81);
        assertThat(c.steps().getFirst().probes().get(1).expect()
                .connects(PodRef.parse("x/a"), PodRef.parse("y/b"))).isFalse();
    }
}
