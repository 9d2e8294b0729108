package dev.calyx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.kernel.nft.NftBaseChain;
import dev.calyx.kernel.nft.NftCounter;
import dev.calyx.kernel.nft.NftDataType;
import dev.calyx.kernel.nft.NftElement;
import dev.calyx.kernel.nft.NftException;
import dev.calyx.kernel.nft.NftFamily;
import dev.calyx.kernel.nft.NftOp;
import dev.calyx.kernel.nft.NftRule;
import dev.calyx.kernel.nft.NftSetSpec;
import dev.calyx.kernel.nft.NftTable;
import dev.calyx.kernel.nft.NftTableContent;
import dev.calyx.kernel.nft.NftTransaction;
import dev.calyx.kernel.nft.NftVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeNftTest {
    private static final NftTable T = new NftTable(NftFamily.INET, "calyx");
    private static final NftSetSpec SRC = NftSetSpec.set("src", NftDataType.IPV4_ADDR, NftSetSpec.Flag.INTERVAL);
    private static final NftSetSpec VMAP = NftSetSpec.verdictMap("to-wl", NftDataType.IFNAME);

    private final FakeNft nft = new FakeNft();

    private static NftTransaction initial() {
        return new NftTransaction().addTable(T)
                .addBaseChain(T, "filter-FORWARD", NftBaseChain.filter(NftBaseChain.Hook.FORWARD, 0, NftBaseChain.Policy.ACCEPT))
                .addChain(T, "tw-1")
                .addSet(T, SRC, List.of("10.0.0.0/8"))
                .addVerdictMap(T, VMAP, Map.of("cali1", NftVerdict.jump("tw-1")))
                .addRule(T, "filter-FORWARD", "oifname vmap @to-wl", "dispatch")
                .addRule(T, "tw-1", "ip saddr @src counter accept", "pol-a")
                .addRule(T, "tw-1", "drop", "default");
    }

    @Test
    void listsWhatWasApplied() {
        nft.apply(initial());
        NftTableContent c = nft.list(T).orElseThrow();
        assertThat(c.chain("filter-FORWARD").orElseThrow().base()).isPresent();
        assertThat(c.set("to-wl").orElseThrow().elements()).containsExactly(NftElement.of("cali1", "jump tw-1"));
        assertThat(c.rules("tw-1")).extracting(NftRule::expr).containsExactly("ip saddr @src counter accept", "drop");
        assertThat(c.rules("tw-1").getFirst().counter()).contains(new NftCounter(0, 0));
        assertThat(c.rules("tw-1").get(1).counter()).isEmpty();
        assertThat(nft.listTables()).containsExactly(T);
        assertThat(nft.applied()).hasSize(1);
        assertThat(nft.listChain(T, "tw-1").orElseThrow().rules()).hasSize(2);
        assertThat(nft.listChain(T, "nope")).isEmpty();
        assertThat(nft.listSet(T, SRC).orElseThrow().elementKeys()).containsExactly("10.0.0.0/8");
        assertThat(nft.listSet(T, NftSetSpec.set("nope", NftDataType.IFNAME))).isEmpty();
    }

    @Test
    void dumpsAStableReapplicableScript() {
        nft.apply(initial());
        nft.apply(new NftTransaction().addElements(T, SRC, List.of("192.168.0.0/16", "172.16.0.0/12")));
        assertThat(nft.dump()).isEqualTo("""
                add table inet calyx
                add set inet calyx src { type ipv4_addr; flags interval; elements = { 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 }; }
                add map inet calyx to-wl { type ifname : verdict; elements = { "cali1" : jump tw-1 }; }
                add chain inet calyx filter-FORWARD { type filter hook forward priority 0; policy accept; }
                add chain inet calyx tw-1
                add rule inet calyx filter-FORWARD oifname vmap @to-wl comment "dispatch"
                add rule inet calyx tw-1 ip saddr @src counter accept comment "pol-a"
                add rule inet calyx tw-1 drop comment "default"
                """);
        FakeNft copy = new FakeNft();
        NftTransaction replay = new NftTransaction();
        nft.dump().lines().forEach(replay::raw);
        assertThatThrownBy(() -> copy.apply(replay)).hasMessageContaining("cannot model raw line");
    }

    @Test
    void elementsListInNftsForm() {
        nft.apply(initial());
        nft.apply(new NftTransaction().addElements(T, SRC, List.of("192.168.0.1/32", "172.16.0.0-172.16.0.255")));
        assertThat(nft.listSet(T, SRC).orElseThrow().elementKeys())
                .containsExactly("10.0.0.0/8", "192.168.0.1", "172.16.0.0/24");
        nft.apply(new NftTransaction().deleteElements(T, SRC, List.of("192.168.0.1", "172.16.0.0/24")));
        assertThat(nft.listSet(T, SRC).orElseThrow().elementKeys()).containsExactly("10.0.0.0/8");
    }

    @Test
    void rulesKeepHandlesAndPositions() {
        nft.apply(initial());
        List<NftRule> rules = nft.list(T).orElseThrow().rules("tw-1");
        long first = rules.get(0).handle();
        long second = rules.get(1).handle();
        nft.apply(new NftTransaction()
                .insertRule(T, "tw-1", "ct state established accept", "head")
                .addRuleAfter(T, "tw-1", first, "ip saddr 1.2.3.4 drop", "after-first")
                .replaceRule(T, "tw-1", second, "reject", "default-reject"));
        assertThat(nft.list(T).orElseThrow().rules("tw-1")).extracting(r -> r.comment().orElseThrow())
                .containsExactly("head", "pol-a", "after-first", "default-reject");
        assertThat(nft.list(T).orElseThrow().rules("tw-1").get(3).handle()).isEqualTo(second);
    }

    @Test
    void aFailingOperationLeavesTheStateAsItWas() {
        nft.apply(initial());
        String before = nft.dump();
        NftTransaction broken = new NftTransaction()
                .addElements(T, SRC, List.of("192.168.0.1"))
                .deleteElements(T, SRC, List.of("10.99.0.1"));
        assertThatThrownBy(() -> nft.apply(broken)).isInstanceOfSatisfying(NftException.class, e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.op()).containsInstanceOf(NftOp.DeleteElements.class);
            assertThat(e.nftMessage()).isEqualTo("element does not exist");
        });
        assertThat(nft.dump()).isEqualTo(before);
        assertThat(nft.applied()).hasSize(1);
    }

    @Test
    void refusesWhatNftRefuses() {
        nft.apply(initial());
        assertThatThrownBy(() -> nft.apply(new NftTransaction().deleteChain(T, "tw-1")))
                .hasMessageContaining("Device or resource busy");
        assertThatThrownBy(() -> nft.apply(new NftTransaction().deleteSet(T, SRC)))
                .hasMessageContaining("Device or resource busy");
        assertThatThrownBy(() -> nft.apply(new NftTransaction().addRule(T, "tw-1", "ip saddr @nope drop", null)))
                .hasMessageContaining("No such file or directory");
        assertThatThrownBy(() -> nft.apply(new NftTransaction().addRule(T, "tw-1", "jump nowhere", null)))
                .hasMessageContaining("No such file or directory");
        assertThatThrownBy(() -> nft.apply(new NftTransaction().addSet(T, NftSetSpec.set("src", NftDataType.IPV6_ADDR))))
                .hasMessageContaining("File exists");
        assertThatThrownBy(() -> nft.apply(new NftTransaction().addVerdictElements(T, VMAP, Map.of("cali2", NftVerdict.jump("nowhere")))))
                .hasMessageContaining("No such file or directory");
    }

    @Test
    void flushTableKeepsSetsAndDeleteIfExistsIsIdempotent() {
        nft.apply(initial());
        nft.apply(new NftTransaction().flushTable(T));
        NftTableContent c = nft.list(T).orElseThrow();
        assertThat(c.rules()).isEmpty();
        assertThat(c.set("src").orElseThrow().elementKeys()).containsExactly("10.0.0.0/8");
        nft.apply(new NftTransaction().deleteTableIfExists(T));
        nft.apply(new NftTransaction().deleteTableIfExists(T));
        assertThat(nft.list(T)).isEmpty();
    }

    @Test
    void checkChangesNothingAndInjectedFailuresHitOnce() {
        nft.check(initial());
        assertThat(nft.listTables()).isEmpty();
        nft.failNextApply("Could not process rule: No buffer space available");
        assertThatThrownBy(() -> nft.apply(initial())).hasMessageEndingWith("No buffer space available");
        nft.apply(initial());
        assertThat(nft.listTables()).containsExactly(T);
    }
}
