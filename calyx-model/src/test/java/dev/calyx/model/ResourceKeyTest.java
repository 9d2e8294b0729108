package dev.calyx.model;

import dev.calyx.model.codec.ResourceCodec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceKeyTest {
    @Test
    void pathsFollowCalicosEtcdLayout() {
        var np = Admission.admit(ResourceCodec.INSTANCE.decode(
                "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata: {name: allow-dns, namespace: prod}\n"
                        + "spec: {}\n", "np"));
        assertThat(ResourceKey.of(np).path())
                .isEqualTo("/calico/resources/v3/projectcalico.org/networkpolicies/prod/allow-dns");
        assertThat(new ResourceKey(Kind.IP_POOL, "ignored", "p1").path())
                .isEqualTo("/calico/resources/v3/projectcalico.org/ippools/p1");
        assertThat(ResourceKey.prefix(Kind.NETWORK_POLICY, null))
                .isEqualTo("/calico/resources/v3/projectcalico.org/networkpolicies/");
    }

    @Test
    void namespacedKeysNeedANamespace() {
        assertThatThrownBy(() -> new ResourceKey(Kind.NETWORK_SET, null, "s"))
                .hasMessageContaining("NetworkSet/s: a namespaced kind needs a namespace");
    }
}
