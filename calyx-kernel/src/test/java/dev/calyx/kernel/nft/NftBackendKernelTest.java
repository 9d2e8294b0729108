package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.calyx.kernel.nft.NftBaseChain.Hook;
import dev.calyx.kernel.nft.NftBaseChain.Policy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The same suite against both backends, each test in its own scratch namespace. */
@Tag("kernel")
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"exec", "lib"})
class NftBackendKernelTest {
    static final NftTable T = new NftTable(NftFamily.INET, "calyx");
    static final NftSetSpec SRC = NftSetSpec.set("cali40s-a", NftDataType.IPV4_ADDR, NftSetSpec.Flag.INTERVAL);
    static final NftSetSpec SRC6 = NftSetSpec.set("cali60s-a", NftDataType.IPV6_ADDR, NftSetSpec.Flag.INTERVAL);
    static final NftSetSpec TO_WL = NftSetSpec.verdictMap("cali-to-wl", NftDataType.IFNAME);

    @Parameter
    String kind;

    ScratchNetns ns;
    NftBackend nft;

    @BeforeEach
    void setUp() {
        ns = new ScratchNetns();
        nft = NftBackends.create(kind, ns.optionalPath());
    }

    @AfterEach
    void tearDown() {
        try {
            if (nft != null) {
                nft.close();
            }
        } finally {
            if (ns != null) {
                ns.close();
            }
        }
    }

    static NftTransaction initial() {
        Map<String, NftVerdict> vm = new LinkedHashMap<>();
        vm.put("cali1111", NftVerdict.jump("cali-tw-1111"));
        vm.put("cali2222", NftVerdict.DROP);
        return new NftTransaction()
                .addTable(T)
                .addBaseChain(T, "filter-FORWARD", NftBaseChain.filter(Hook.FORWARD, 0, Policy.ACCEPT))
                .addBaseChain(T, "filter-INPUT", NftBaseChain.filter(Hook.INPUT, 10, Policy.ACCEPT))
                .addChain(T, "cali-tw-1111")
                .addSet(T, SRC, List.of("10.0.0.0/8", "192.168.1.7", "172.16.0.1-172.16.0.9"))
                .addSet(T, SRC6, List.of("fd00::/64"))
                .addVerdictMap(T, TO_WL, vm)
                .addRule(T, "filter-FORWARD", "ct state established,related accept", "fwd-ct")
                .addRule(T, "filter-FORWARD", "oifname vmap @cali-to-wl", "fwd-dispatch")
                .addRule(T, "cali-tw-1111", "ip saddr @cali40s-a counter accept", "pol-a-v4")
                .addRule(T, "cali-tw-1111", "ip6 saddr @cali60s-a counter accept", "pol-a-v6")
                .addRule(T, "cali-tw-1111", "counter drop", "default-drop");
    }

    @Test
    void appliesATableAndListsItBack() {
        nft.apply(initial());

        NftTableContent c = nft.list(T).orElseThrow();
        assertThat(c.chains()).extracting(NftChain::name)
                .containsExactlyInAnyOrder("filter-FORWARD", "filter-INPUT", "cali-tw-1111");
        assertThat(c.chain("filter-INPUT").orElseThrow().base())
                .contains(NftBaseChain.filter(Hook.INPUT, 10, Policy.ACCEPT));
        assertThat(c.chain("cali-tw-1111").orElseThrow().base()).isEmpty();
        NftSet src = c.set("cali40s-a").orElseThrow();
        assertThat(src.keyType()).isEqualTo("ipv4_addr");
        assertThat(src.flags()).containsExactly("interval");
        assertThat(src.elementKeys()).containsExactlyInAnyOrder("10.0.0.0/8", "192.168.1.7", "172.16.0.1-172.16.0.9");
        assertThat(c.set("cali60s-a").orElseThrow().elementKeys()).containsExactly("fd00::/64");
        NftSet map = c.set("cali-to-wl").orElseThrow();
        assertThat(map.map()).isTrue();
        assertThat(map.dataType()).contains("verdict");
        assertThat(map.elements()).containsExactlyInAnyOrder(NftElement.of("cali1111", "jump cali-tw-1111"),
                NftElement.of("cali2222", "drop"));
        assertThat(c.rules("cali-tw-1111")).extracting(r -> r.comment().orElseThrow())
                .containsExactly("pol-a-v4", "pol-a-v6", "default-drop");
        assertThat(c.rules("cali-tw-1111")).allSatisfy(r -> {
            assertThat(r.handle()).isPositive();
            assertThat(r.counter()).contains(new NftCounter(0, 0));
        });
        assertThat(c.rules("filter-FORWARD").getFirst().counter()).isEmpty();
        assertThat(nft.listTables()).containsExactly(T);
    }

    @Test
    void appliesADiffOfElementsAndRules() {
        nft.apply(initial());
        long v6Handle = ruleByComment("cali-tw-1111", "pol-a-v6").handle();

        nft.apply(new NftTransaction()
                .deleteElements(T, SRC, List.of("192.168.1.7"))
                .addElements(T, SRC, List.of("192.168.2.0/24"))
                .deleteElements(T, TO_WL, List.of("cali2222"))
                .addVerdictElements(T, TO_WL, Map.of("cali3333", NftVerdict.ACCEPT))
                .replaceRule(T, "cali-tw-1111", v6Handle, "ip6 saddr @cali60s-a drop", "pol-a-v6-deny")
                .flushChain(T, "filter-FORWARD")
                .addRule(T, "filter-FORWARD", "oifname vmap @cali-to-wl", "fwd-dispatch-only"));

        NftTableContent c = nft.list(T).orElseThrow();
        assertThat(c.set("cali40s-a").orElseThrow().elementKeys())
                .containsExactlyInAnyOrder("10.0.0.0/8", "172.16.0.1-172.16.0.9", "192.168.2.0/24");
        assertThat(c.set("cali-to-wl").orElseThrow().elements()).containsExactlyInAnyOrder(
                NftElement.of("cali1111", "jump cali-tw-1111"), NftElement.of("cali3333", "accept"));
        assertThat(c.rules("filter-FORWARD")).extracting(r -> r.comment().orElseThrow()).containsExactly("fwd-dispatch-only");
        assertThat(c.rules("cali-tw-1111")).extracting(r -> r.comment().orElseThrow())
                .containsExactly("pol-a-v4", "pol-a-v6-deny", "default-drop");
        assertThat(ruleByComment("cali-tw-1111", "pol-a-v6-deny").handle()).isEqualTo(v6Handle);

        nft.apply(new NftTransaction().deleteRule(T, "cali-tw-1111", v6Handle));
        assertThat(nft.list(T).orElseThrow().rules("cali-tw-1111")).hasSize(2);
    }

    @Test
    void aFailingLineAppliesNothingAndIsNamed() {
        nft.apply(initial());
        NftTableContent before = nft.list(T).orElseThrow();

        NftTransaction broken = new NftTransaction()
                .addElements(T, SRC, List.of("192.168.200.1"))
                .addRule(T, "cali-tw-1111", "accept", "would-be-added")
                .deleteElements(T, SRC, List.of("10.99.99.99"))
                .addChain(T, "never-made");

        assertThatThrownBy(() -> nft.apply(broken))
                .isInstanceOfSatisfying(NftException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.op()).containsInstanceOf(NftOp.DeleteElements.class);
                    assertThat(e.lineText()).contains("delete element inet calyx cali40s-a { 10.99.99.99 }");
                    assertThat(e.getMessage()).contains("at line 3", "10.99.99.99");
                });
        assertThat(nft.list(T)).contains(before);
    }

    @Test
    void aSyntaxErrorIsNamedAndAppliesNothing() {
        nft.apply(initial());
        NftTableContent before = nft.list(T).orElseThrow();
        NftTransaction broken = new NftTransaction()
                .addChain(T, "new-chain")
                .addRule(T, "new-chain", "ip frobnicate 1 accept", "bad");

        assertThatThrownBy(() -> nft.apply(broken))
                .isInstanceOfSatisfying(NftException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.op()).containsInstanceOf(NftOp.AddRule.class);
                    assertThat(e.nftMessage()).contains("syntax error");
                });
        assertThat(nft.list(T)).contains(before);
    }

    @Test
    void checkChangesNothingAndReportsKernelErrors() {
        nft.check(initial());
        assertThat(nft.list(T)).isEmpty();

        nft.apply(initial());
        assertThatThrownBy(() -> nft.check(new NftTransaction().deleteChain(T, "no-such-chain")))
                .isInstanceOfSatisfying(NftException.class, e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void listsOneChainOrOneSet() {
        nft.apply(initial());
        NftTableContent chain = nft.listChain(T, "cali-tw-1111").orElseThrow();
        assertThat(chain.chains()).extracting(NftChain::name).containsExactly("cali-tw-1111");
        assertThat(chain.rules()).extracting(r -> r.comment().orElseThrow())
                .containsExactly("pol-a-v4", "pol-a-v6", "default-drop");
        assertThat(nft.listChain(T, "no-such-chain")).isEmpty();
        assertThat(nft.listSet(T, TO_WL).orElseThrow().elements()).hasSize(2);
        assertThat(nft.listSet(T, SRC6).orElseThrow().elementKeys()).containsExactly("fd00::/64");
        assertThat(nft.listSet(T, NftSetSpec.set("no-such-set", NftDataType.IPV4_ADDR))).isEmpty();
        assertThat(nft.listSet(new NftTable(NftFamily.IP, "no-such-table"), SRC)).isEmpty();
    }

    @Test
    void listsElementsInCanonicalForm() {
        NftSetSpec v4 = NftSetSpec.set("forms4", NftDataType.IPV4_ADDR, NftSetSpec.Flag.INTERVAL);
        NftSetSpec v6 = NftSetSpec.set("forms6", NftDataType.IPV6_ADDR, NftSetSpec.Flag.INTERVAL);
        List<String> in4 = List.of("10.0.0.1/32", "10.1.0.0-10.1.0.255", "10.2.0.5-10.2.0.9", "10.3.0.0/16", "10.4.0.0-10.4.0.0");
        List<String> in6 = List.of("fd00:0:0:0::1/128", "FD01::/64", "fd02:0:0:0:0:0:0:0-fd02::ffff",
                "2001:db8:0:0:1:0:0:1", "0:0:0:0:0:ffff:0:0/96", "1:0:2:0:3:0:4:0");
        nft.apply(new NftTransaction().addTable(T).addSet(T, v4, in4).addSet(T, v6, in6));

        assertThat(nft.listSet(T, v4).orElseThrow().elementKeys()).containsExactlyInAnyOrderElementsOf(
                in4.stream().map(e -> NftDataType.IPV4_ADDR.canonical(e, "forms4")).toList());
        assertThat(nft.listSet(T, v6).orElseThrow().elementKeys()).containsExactlyInAnyOrderElementsOf(
                in6.stream().map(e -> NftDataType.IPV6_ADDR.canonical(e, "forms6")).toList());
    }

    @Test
    void deleteTableIfExistsIsIdempotent() {
        nft.apply(new NftTransaction().deleteTableIfExists(T));
        nft.apply(initial());
        nft.apply(new NftTransaction().deleteTableIfExists(T));
        assertThat(nft.list(T)).isEmpty();
        assertThat(nft.listTables()).isEmpty();
    }

    @Test
    void listsLargeSetsAndManyRules() {
        NftSetSpec big = NftSetSpec.set("big", NftDataType.IPV4_ADDR, NftSetSpec.Flag.INTERVAL);
        List<String> elements = java.util.stream.IntStream.range(0, 2000)
                .mapToObj(i -> "10." + (i / 256) + "." + (i % 256) + ".0/24").toList();
        NftTransaction tx = new NftTransaction().addTable(T).addChain(T, "many").addSet(T, big, elements);
        for (int i = 0; i < 300; i++) {
            tx.addRule(T, "many", "ip saddr 10.0.0." + (i % 250) + " tcp dport " + (1000 + i) + " accept", "r" + i);
        }
        nft.apply(tx);

        NftTableContent c = nft.list(T).orElseThrow();
        assertThat(c.set("big").orElseThrow().elements()).hasSize(2000);
        assertThat(c.rules("many")).hasSize(300);
        assertThat(c.rules("many").get(299).comment()).contains("r299");
    }

    private NftRule ruleByComment(String chain, String comment) {
        return nft.list(T).orElseThrow().rules(chain).stream()
                .filter(r -> r.comment().equals(Optional.of(comment))).findFirst().orElseThrow();
    }
}
