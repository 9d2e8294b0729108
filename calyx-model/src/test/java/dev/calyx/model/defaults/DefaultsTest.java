package dev.calyx.model.defaults;

import dev.calyx.model.BGPConfiguration;
import dev.calyx.model.FelixConfiguration;
import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.IPPool;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.Resource;
import dev.calyx.model.StagedNetworkPolicy;
import dev.calyx.model.Tier;
import dev.calyx.model.codec.ResourceCodec;
import dev.calyx.model.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultsTest {
    private final ResourceCodec codec = ResourceCodec.INSTANCE;

    private Resource defaulted(String kind, String meta, String spec) {
        return Defaults.apply(codec.decode("apiVersion: projectcalico.org/v3\nkind: " + kind + "\nmetadata: " + meta
                + "\nspec: " + spec + "\n", kind));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.0/16 | 26",
        "fd00::/64   | 122",
    })
    void ipPoolDefaults(String cidr, int blockSize) {
        var pool = (IPPool) defaulted("IPPool", "{name: p}", "{cidr: '" + cidr + "'}");
        assertThat(pool.spec().blockSize()).isEqualTo(blockSize);
        assertThat(pool.spec().ipipMode()).isEqualTo("Never");
        assertThat(pool.spec().vxlanMode()).isEqualTo("Never");
        assertThat(pool.spec().nodeSelector()).isEqualTo("all()");
        assertThat(pool.spec().allowedUses()).containsExactly("Workload", "Tunnel");
        assertThat(pool.spec().assignmentMode()).isEqualTo("Automatic");
        assertThat(pool.spec().natOutgoing()).isNull();
    }

    @Test
    void ipPoolKeepsWhatWasWritten() {
        var pool = (IPPool) defaulted("IPPool", "{name: p}",
                "{cidr: 10.0.0.0/16, blockSize: 24, vxlanMode: Always, nodeSelector: 'a == \"b\"'}");
        assertThat(pool.spec().blockSize()).isEqualTo(24);
        assertThat(pool.spec().vxlanMode()).isEqualTo("Always");
        assertThat(pool.spec().nodeSelector()).isEqualTo("a == \"b\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}                                                   | Ingress",
        "{ingress: [{action: Allow}]}                         | Ingress",
        "{egress: [{action: Allow}]}                          | Egress",
        "{ingress: [{action: Allow}], egress: [{action: Deny}]} | Ingress,Egress",
        "{egress: [{action: Allow}], types: [Ingress]}        | Ingress",
    })
    void policyTypesInferredFromRules(String spec, String types) {
        var np = (NetworkPolicy) defaulted("NetworkPolicy", "{name: n}", spec);
        assertThat(np.spec().types()).containsExactly(types.split(","));
        assertThat(np.spec().tier()).isEqualTo("default");
        assertThat(np.metadata().namespace()).isEqualTo("default");
        var gnp = (GlobalNetworkPolicy) defaulted("GlobalNetworkPolicy", "{name: n}", spec);
        assertThat(gnp.spec().types()).containsExactly(types.split(","));
    }

    @Test
    void stagedDeleteKeepsSpecEmpty() {
        var snp = (StagedNetworkPolicy) defaulted("StagedNetworkPolicy", "{name: s}", "{stagedAction: Delete}");
        assertThat(snp.spec().types()).isNull();
        assertThat(Validator.validate(snp)).isEmpty();
        var set = (StagedNetworkPolicy) defaulted("StagedNetworkPolicy", "{name: s}", "{}");
        assertThat(set.spec().stagedAction()).isEqualTo("Set");
    }

    @Test
    void tierBgpAndFelixCrdDefaults() {
        assertThat(((Tier) defaulted("Tier", "{name: t}", "{order: 5}")).spec().defaultAction()).isEqualTo("Deny");
        assertThat(((BGPConfiguration) defaulted("BGPConfiguration", "{name: default}", "{}")).spec()
                .logSeverityScreen()).isEqualTo("Info");
        var fc = (FelixConfiguration) defaulted("FelixConfiguration", "{name: default}", "{bpfEnabled: true}");
        assertThat(fc.spec().nftablesMode()).isEqualTo("Auto");
        assertThat(fc.spec().bpfEnabled()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"default, 1000000, Deny", "kube-admin, 1000, Pass", "kube-baseline, 10000000, Pass"})
    void builtinTierOrdersAndActionsDefault(String name, double order, String action) {
        var tier = (Tier) defaulted("Tier", "{name: " + name + "}", "{}");
        assertThat(tier.spec().order()).isEqualTo(order);
        assertThat(tier.spec().defaultAction()).isEqualTo(action);
        assertThat(Validator.validate(tier)).isEmpty();
        assertThat(((Tier) defaulted("Tier", "{name: mine}", "{}")).spec().order()).isNull();
    }

    @Test
    void builtinTiersAreValid() {
        List<Tier> tiers = Defaults.builtinTiers();
        assertThat(tiers).extracting(t -> t.metadata().name()).containsExactly("kube-admin", "default", "kube-baseline");
        assertThat(tiers).allSatisfy(t -> assertThat(Validator.validate(t)).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IPPool | {name: p} | {cidr: 10.0.0.0/16, natOutgoing: true}",
        "GlobalNetworkPolicy | {name: g} | {selector: all(), egress: [{action: Allow}]}",
        "NetworkPolicy | {name: n, namespace: prod} | {ingress: [{action: Allow}]}",
        "FelixConfiguration | {name: default} | {}",
    })
    void applyGetApplyIsStable(String kind, String meta, String spec) {
        Resource once = defaulted(kind, meta, spec);
        String got = codec.encodeYaml(once);
        Resource again = Defaults.apply(codec.decode(got, "get"));
        assertThat(again).isEqualTo(once);
        assertThat(codec.encodeYaml(again)).isEqualTo(got);
    }
}
