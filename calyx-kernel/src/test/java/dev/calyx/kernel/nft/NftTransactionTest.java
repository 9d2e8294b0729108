package dev.calyx.kernel.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NftTransactionTest {
    private static final NftTable T = new NftTable(NftFamily.INET, "calyx");
    private static final NftSetSpec S4 = NftSetSpec.set("cali40-s-a", NftDataType.IPV4_ADDR, NftSetSpec.Flag.INTERVAL);
    private static final NftSetSpec VMAP = NftSetSpec.verdictMap("cali-to-wl", NftDataType.IFNAME);

    @Test
    void rendersOneLinePerOperation() {
        Map<String, NftVerdict> vm = new LinkedHashMap<>();
        vm.put("cali1234", NftVerdict.jump("cali-tw-1234"));
        vm.put("cali5678", NftVerdict.DROP);
        NftTransaction tx = new NftTransaction()
                .addTable(T)
                .addBaseChain(T, "filter-FORWARD", NftBaseChain.filter(NftBaseChain.Hook.FORWARD, 0, NftBaseChain.Policy.ACCEPT))
                .addChain(T, "cali-tw-1234")
                .addSet(T, S4, List.of("10.0.0.0/8", "192.168.1.1", "10.1.0.1-10.1.0.9"))
                .addVerdictMap(T, VMAP, vm)
                .addRule(T, "filter-FORWARD", "oifname vmap @cali-to-wl", "dispatch")
                .insertRule(T, "cali-tw-1234", "ct state established,related accept", null)
                .replaceRule(T, "cali-tw-1234", 7, "ip saddr @cali40-s-a counter drop", "pol a; b")
                .deleteRule(T, "cali-tw-1234", 9)
                .deleteElements(T, VMAP, List.of("cali5678"))
                .flushChain(T, "cali-tw-1234")
                .deleteSet(T, VMAP);

        assertThat(tx.script()).isEqualTo("""
                add table inet calyx
                add chain inet calyx filter-FORWARD { type filter hook forward priority 0; policy accept; }
                add chain inet calyx cali-tw-1234
                add set inet calyx cali40-s-a { type ipv4_addr; flags interval; elements = { 10.0.0.0/8, 192.168.1.1, 10.1.0.1-10.1.0.9 }; }
                add map inet calyx cali-to-wl { type ifname : verdict; elements = { "cali1234" : jump cali-tw-1234, "cali5678" : drop }; }
                add rule inet calyx filter-FORWARD oifname vmap @cali-to-wl comment "dispatch"
                insert rule inet calyx cali-tw-1234 ct state established,related accept
                replace rule inet calyx cali-tw-1234 handle 7 ip saddr @cali40-s-a counter drop comment "pol a; b"
                delete rule inet calyx cali-tw-1234 handle 9
                delete element inet calyx cali-to-wl { "cali5678" }
                flush chain inet calyx cali-tw-1234
                delete map inet calyx cali-to-wl
                """);
        assertThat(tx.opAtLine(6)).containsInstanceOf(NftOp.AddRule.class);
        assertThat(tx.opAtLine(13)).isEmpty();
    }

    @Test
    void transactionsCompose() {
        NftTransaction chains = new NftTransaction().addChain(T, "a");
        NftTransaction all = new NftTransaction().addTable(T).addAll(chains).addChain(T, "b");
        assertThat(all.script()).isEqualTo("add table inet calyx\nadd chain inet calyx a\nadd chain inet calyx b\n");
        assertThat(chains.size()).isEqualTo(1);
    }

    @Test
    void emptyElementListsRenderNothing() {
        NftTransaction tx = new NftTransaction().addElements(T, S4, List.of()).deleteElements(T, S4, List.of());
        assertThat(tx.isEmpty()).isTrue();
    }

    @Test
    void describesLargeElementListsBriefly() {
        List<String> many = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "10.9." + (i / 256) + "." + (i % 256)).toList();
        NftOp op = new NftTransaction().addElements(T, S4, many).opAtLine(1).orElseThrow();
        assertThat(op.describe()).isEqualTo("add element inet calyx cali40-s-a { 10.9.0.0, ... (1000 elements) }");
    }

    @Test
    void positionsAndIfExists() {
        NftTransaction tx = new NftTransaction().deleteTableIfExists(T)
                .addRuleAfter(T, "c1", 5, "accept", null).insertRuleBefore(T, "c1", 6, "drop", null);
        assertThat(tx.script()).isEqualTo("""
                add table inet calyx
                delete table inet calyx
                add rule inet calyx c1 position 5 accept
                insert rule inet calyx c1 position 6 drop
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fwd", "ip", "vmap", "1abc", "a b", "a;b", "a\"b", "a\nb", "ä"})
    void rejectsNamesNftWouldMisread(String name) {
        assertThatThrownBy(() -> new NftTransaction().addChain(T, name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nft chain name");
    }

    @Test
    void keywordMessageNamesTheWord() {
        assertThatThrownBy(() -> new NftTable(NftFamily.INET, "table"))
                .hasMessage("nft table name 'table' is an nft keyword");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil\" ; flush ruleset", "new\nline", "back\\slash", "tab\there"})
    void rejectsCommentsThatEscapeTheirQuotes(String comment) {
        assertThatThrownBy(() -> new NftTransaction().addRule(T, "c1", "accept", comment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nft comment '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"accept; flush ruleset", "accept\nflush ruleset", "accept # hidden", "iifname \"x accept"})
    void rejectsStatementsThatLeaveTheirCommand(String statements) {
        assertThatThrownBy(() -> new NftTransaction().addRule(T, "c1", statements, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nft rule '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.400", "10.0.0.1/8", "example.com", "10.0.0.0/33", "::1", "1.2.3.4 }"})
    void rejectsIpv4ElementsThatAreNotLiterals(String element) {
        assertThatThrownBy(() -> new NftTransaction().addElements(T, S4, List.of(element)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nft set cali40-s-a: element '")
                .hasMessageContaining("is not a valid ipv4_addr");
    }

    @Test
    void acceptsIpv6AndRejectsZonedOrHostBits() {
        NftSetSpec s6 = NftSetSpec.set("s6", NftDataType.IPV6_ADDR, NftSetSpec.Flag.INTERVAL);
        assertThat(new NftTransaction().addElements(T, s6, List.of("fd00::/64", "::1", "fd00::1-fd00::9")).script())
                .isEqualTo("add element inet calyx s6 { fd00::/64, ::1, fd00::1-fd00::9 }\n");
        for (String bad : List.of("fe80::1%eth0", "fd00::1/64", "10.0.0.1", "::ffff:1.2.3.4/120")) {
            assertThatThrownBy(() -> new NftTransaction().addElements(T, s6, List.of(bad)))
                    .hasMessageContaining("'" + bad + "' is not a valid ipv6_addr");
        }
    }

    @Test
    void interfaceNamesAreQuotedAndBounded() {
        assertThatThrownBy(() -> new NftTransaction().addVerdictElements(T, VMAP, Map.of("cali1234567890123", NftVerdict.DROP)))
                .hasMessageContaining("is not a valid ifname");
        assertThatThrownBy(() -> new NftTransaction().addVerdictElements(T, VMAP, Map.of("a\" }", NftVerdict.DROP)))
                .hasMessageContaining("is not a valid ifname");
    }

    @Test
    void setElementsCannotCarryValuesAndMapElementsNeedThem() {
        assertThatThrownBy(() -> new NftTransaction().add(new NftOp.AddElements(T, S4, List.of(NftElement.of("10.0.0.1", "accept")))))
                .hasMessageContaining("cannot have a value");
        assertThatThrownBy(() -> new NftTransaction().add(new NftOp.AddElements(T, VMAP, List.of(NftElement.of("cali1")))))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> new NftTransaction().add(new NftOp.AddElements(T, VMAP, List.of(NftElement.of("cali1", "jump x; flush ruleset")))))
                .hasMessageContaining("is not a verdict");
    }

    @Test
    void rawLinesMustBeOneLine() {
        assertThat(new NftTransaction().raw("flush ruleset").script()).isEqualTo("flush ruleset\n");
        assertThatThrownBy(() -> new NftTransaction().raw("a\nb")).hasMessageContaining("raw nft line 'a\\u000ab'");
    }

    @Test
    void setDeclarationCarriesFlagsAndOptions() {
        NftSetSpec s = NftSetSpec.set("s", NftDataType.IPV4_ADDR, NftSetSpec.Flag.AUTO_MERGE, NftSetSpec.Flag.INTERVAL, NftSetSpec.Flag.CONSTANT);
        assertThat(new NftTransaction().addSet(T, s).script())
                .isEqualTo("add set inet calyx s { type ipv4_addr; flags interval,constant; auto-merge; }\n");
        assertThatThrownBy(() -> NftSetSpec.set("s", NftDataType.IPV4_ADDR, NftSetSpec.Flag.AUTO_MERGE))
                .hasMessage("nft set s: auto-merge needs the interval flag");
    }
}
