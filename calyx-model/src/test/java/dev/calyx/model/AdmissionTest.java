package dev.calyx.model;

import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.k8s.K8sResources;
import dev.calyx.model.validation.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionTest {
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    @Test
    void reportsEveryProblemNamingObjectAndField() {
        var gnp = codec.decode("""
                apiVersion: projectcalico.org/v3
                kind: GlobalNetworkPolicy
                metadata: {name: deny-all}
                spec:
                  ingress:
                  - action: Deny
                    protocol: TCP
                    destination: {ports: [80, "90:80"]}
                  - action: Maybe
                """, "gnp.yaml");
        assertThatThrownBy(() -> Admission.admit(gnp))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("GlobalNetworkPolicy/deny-all: spec.ingress[0].destination.ports[1]: "
                        + "invalid port range \"90:80\"")
                .hasMessageContaining("GlobalNetworkPolicy/deny-all: spec.ingress[1].action: Unsupported value")
                .satisfies(e -> assertThat(((ValidationException) e).errors()).hasSize(2));
    }

    @Test
    void admittedResourcesCarryDefaults() {
        var pool = (IPPool) Admission.admit(codec.decode("""
                apiVersion: projectcalico.org/v3
                kind: IPPool
                metadata: {name: p}
                spec: {cidr: 10.244.0.0/16}
                """, "p"));
        assertThat(pool.spec().blockSize()).isEqualTo(26);
    }

    @Test
    void kubernetesObjectsDeriveTheirCalicoForms() {
        var np = codec.decode("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny, namespace: prod}
                spec: {podSelector: {}}
                """, "knp");
        assertThat(K8sResources.derived(np)).singleElement()
                .satisfies(r -> assertThat(r.ref()).isEqualTo("NetworkPolicy/prod/knp.default.deny"));
        assertThat(K8sResources.derived(Admission.admit(codec.decode(
                "apiVersion: projectcalico.org/v3\nkind: Tier\nmetadata: {name: t}\nspec: {order: 1}\n", "t"))))
                .isEmpty();
    }
}
