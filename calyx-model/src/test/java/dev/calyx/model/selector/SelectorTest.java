package dev.calyx.model.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Grammar, precedence, semantics, errors and canonical forms, table-driven (vectors after Calico's tests). */
class SelectorTest {

    static Map<String, String> labels(String... kv) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> evaluation() {
        return Stream.of(
                Arguments.of("a == \"b\"", labels("a", "b"), true),
                Arguments.of("a == \"b\"", labels("a", "b", "c", "d"), true),
                Arguments.of("a == \"b\"", labels(), false),
                Arguments.of("a == \"b\"", labels("c", "d"), false),
                Arguments.of("a == \"b\" && c == \"d\"", labels("a", "b"), false),
                Arguments.of("a == \"b\" || c == \"d\"", labels("a", "e", "c", "e"), false),
                Arguments.of("a in {\"'\", '\"', \"c\"}", labels("a", "\""), true),
                Arguments.of("a in {\"'\", '\"', \"c\"}", labels("a", "'"), true),
                Arguments.of("a in {\"'\", '\"', \"c\"}", labels(), false),
                Arguments.of("a not in {\"'\", '\"', \"c\"}", labels(), true),
                Arguments.of("a not in {\"'\", '\"', \"c\"}", labels("a", "e"), true),
                Arguments.of("a != \"a\"", labels(), true),
                Arguments.of("a != \"a\"", labels("a", "a"), false),
                Arguments.of("a != \"b\"", labels("a", "a"), true),
                Arguments.of("a contains \"a\"", labels("a", "bab"), true),
                Arguments.of("a starts with \"a\"", labels("a", "abb"), true),
                Arguments.of("a starts with \"a\"", labels("a", "baa"), false),
                Arguments.of("a ends with \"a\"", labels("a", "bba"), true),
                Arguments.of("a ends with \"a\"", labels("a", "aab"), false),
                Arguments.of("!a in {\"a\"}", labels("a", "b"), true),
                Arguments.of("!a in {\"a\"}", labels(), true),
                Arguments.of("a in {}", labels("a", ""), false),
                Arguments.of("a not in {}", labels("a", ""), true),
                Arguments.of("a == ''", labels("a", ""), true),
                Arguments.of("has(a)", labels("a", "b"), true),
                Arguments.of("!has(a)", labels("b", "b"), true),
                Arguments.of("!!has(b)", labels("a", "b"), false),
                Arguments.of("!!! has(a)", labels("a", "b"), false),
                Arguments.of("!! ! has(a)", labels("a", "b"), false),
                Arguments.of("", labels("a", "b"), true),
                Arguments.of("\t", labels(), true),
                Arguments.of("all()", labels(), true),
                Arguments.of("global()", labels("a", "b"), true),
                Arguments.of("global()", labels("projectcalico.org/namespace", "default"), false),
                Arguments.of("a == 'a1' && b != 'b1'", labels("a", "a1", "b", "b1"), false),
                Arguments.of("!a == 'a1' && b == 'b1'", labels("a", "a1", "b", "b1"), false),
                Arguments.of("!(!has(a) || has(b))", labels("a", "a"), true),
                Arguments.of("a != 'a1' || b == 'b1'", labels("a", "a1", "b", "b1"), true),
                Arguments.of("a != 'a1' || b != 'b1'", labels("a", "a1", "b", "b1"), false),
                Arguments.of("! a == 'a1' || ! b == 'b1'", labels("a", "a1", "b", "b1"), false),
                // && binds tighter than ||: a || (b && c)
                Arguments.of("has(a) || has(b) && has(c)", labels("a", "1"), true),
                Arguments.of("(has(a) || has(b)) && has(c)", labels("a", "1"), false),
                Arguments.of("calico/k8s_ns == \"kube-system\" && k8s-app == \"kube-dns\"",
                        labels("calico/k8s_ns", "kube-system", "k8s-app", "kube-dns"), true),
                Arguments.of("a == 'é𝄞'", labels("a", "é𝄞"), true));
    }

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @MethodSource("evaluation")
    void evaluates(String selector, Map<String, String> labels, boolean expected) {
        assertThat(Selector.parse(selector).matches(labels)).isEqualTo(expected);
        assertThat(Selector.parse(Selector.parse(selector).canonical()).matches(labels)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
        "`` -> all()",
        "` all() ` -> all()",
        "` (all() )` -> all()",
        "! (has( b)||! has(a )) -> !(has(b) || !has(a))",
        "! (a == \"b\"&&! c != \"d\") -> !(a == \"b\" && !c != \"d\")",
        "a == \"'\" -> a == \"'\"",
        "a == '\"' -> a == '\"'",
        "a contains '\"' -> a contains '\"'",
        "a startswith '\"' -> a starts with '\"'",
        "a endswith \"'\" -> a ends with \"'\"",
        "a!='\"' -> a != '\"'",
        "a in {\"d\"} -> a in {\"d\"}",
        "a in {\"z\", \"z\", \"x\", \"y\", \"x\", \"a\"} -> a in {\"a\", \"x\", \"y\", \"z\"}",
        "a notin {'b','a',} -> a not in {\"a\", \"b\"}",
        "a not   in{} -> a not in {}",
        "k == 'v' && x == 'y' -> (k == \"v\" && x == \"y\")",
        "k == 'v' || has(x) -> (k == \"v\" || has(x))",
        "!(k == 'v') -> !k == \"v\"",
        "!!(k == 'v') -> k == \"v\"",
        "!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))"
                + " -> !(!((k == \"v\" && has(t)) || all()) && a in {\"b\", \"c\"})",
        "(a == 'x' && b == 'y') && c == 'z' -> ((a == \"x\" && b == \"y\") && c == \"z\")",
        "a == 'x' || b == 'y' && c == 'z' || d == 'w' -> (a == \"x\" || (b == \"y\" && c == \"z\") || d == \"w\")",
        "global( ) -> global()",
        "has(\ta\t) -> has(a)",
        "a in {'\"', \"'\"} -> a in {'\"', \"'\"}",
    })
    void canonicalisesLikeCalico(String in, String out) {
        Selector s = Selector.parse(in);
        assertThat(s.canonical()).isEqualTo(out);
        assertThat(Selector.parse(out).canonical()).isEqualTo(out);
        assertThat(Selector.parse(out)).isEqualTo(s).hasSameHashCodeAs(s);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
        "`` -> s:5y5I3VdRZfDU01O--xXAPx2yxCQQqMf0M6IWug",
        "` all() ` -> s:5y5I3VdRZfDU01O--xXAPx2yxCQQqMf0M6IWug",
        "! (has( b)||! has(a )) -> s:Iss0uCleLYv1GSv_pNm7hAO58kE9jAx1NKyG3Q",
        "! (a == \"b\"&&! c != \"d\") -> s:lh3haoY1ikTRkd4UZu0nWSaIBknYLPJLX16d-w",
    })
    void uniqueIdIsCalicosUniqueId(String in, String uid) {
        assertThat(Selector.parse(in).uniqueId()).isEqualTo(uid);
    }

    /**
     * A Calico quirk kept on purpose: "!" directly before "!" collapses, but not across parentheses, and the
     * canonical text drops the parentheses, so this canonical form is not a fixed point. Ids must match Calico's.
     */
    @Test
    void negatedParenthesisedNegationKeepsBothNotsLikeCalico() {
        Selector s = Selector.parse("!(!has(a))");
        assertThat(s.canonical()).isEqualTo("!!has(a)");
        assertThat(s.root()).isEqualTo(new SelectorExpr.Not(new SelectorExpr.Not(new SelectorExpr.Has("a"))));
        assertThat(Selector.parse(s.canonical()).canonical()).isEqualTo("has(a)");
        assertThat(s.matches(Map.of("a", "1"))).isTrue();
    }

    @Test
    void setsSortInGoByteOrderNotUtf16Order() {
        // U+FF5E sorts before U+1D11E by code point (and UTF-8 bytes) but after it in UTF-16 units.
        assertThat(Selector.parse("a in {'𝄞', '～'}").canonical()).isEqualTo("a in {\"～\", \"𝄞\"}");
    }

    @ParameterizedTest(name = "[{index}] {0} rejected at {1}")
    @CsvSource(delimiterString = " @ ", quoteCharacter = '`', value = {
        "b == b @ 5",
        "b contains b @ 11",
        "b starts with b @ 14",
        "b ends with b @ 12",
        "'b1' == b @ 0",
        "b @ 1",
        "a b @ 2",
        "! @ 1",
        "foo == \"bar\" & @ 13",
        "`foo == \"bar\" |` @ 13",
        "`foo == \"bar\" ||` @ 15",
        "foo != || @ 7",
        "foo in {\"\", || @ 12",
        "foo in \"\" @ 7",
        "\"FOO @ 0",
        "\"FOO' @ 0",
        "'FOO @ 0",
        "( @ 1",
        "(a == \"foo\" @ 11",
        ") @ 0",
        "() @ 1",
        "% @ 0",
        "a == \"b\" && % @ 12",
        "a == \"b\" || % @ 12",
        "`a ` @ 2",
        "has(foo) && @ 11",
        "a = 'b' @ 2",
        "a == 'b'\\n @ 8",
        "has(a @ 5",
        "has() @ 4",
        "all (  ) @ 4",
        "a inner {'x'} @ 2",
        "a in {,} @ 6",
        "a in {'x' 'y'} @ 10",
        "a == 'b' c @ 9",
        "a == 'b' && (b == 'c' @ 21",
        "a containsx == 'y' @ 2",
    })
    void rejectsWithPosition(String in, int position) {
        String text = in.replace("\\n", "\n");
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class, () -> Selector.parse(text));
        assertThat(e).as("'%s' must be rejected", text).isNotNull();
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
        assertThat(e.expression()).isEqualTo(text);
        assertThat(e.getMessage()).contains("position " + position);
    }

    @Test
    void labelsUpTo512CharactersAreAccepted() {
        assertThat(Selector.parse("a".repeat(512) + " == 'v'").matches(Map.of("a".repeat(512), "v"))).isTrue();
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class,
                () -> Selector.parse("a".repeat(513) + " == 'v'"));
        assertThat(e.position()).isZero();
        assertThat(e.reason()).contains("512");
    }

    @Test
    void renderPutsACaretUnderThePosition() {
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class,
                () -> Selector.parse("app == web"));
        assertThat(e.render()).isEqualTo("app == web\n       ^ " + e.reason());
        assertThat(e.reason()).contains("quoted string");
    }

    @Test
    void renderKeepsTabsSoTheCaretLinesUp() {
        SelectorParseException e = catchThrowableOfType(SelectorParseException.class,
                () -> Selector.parse("\ta == %"));
        assertThat(e.render()).startsWith("\ta == %\n\t     ^");
    }

    @ParameterizedTest
    @ValueSource(strings = {"startswith starts with \"value\"", "in == 'x'", "has == 'x'", "all == 'x'",
        "not in {'a'}", "a.b/c-d_e == 'x'"})
    void keywordsAreOrdinaryLabelsWhereALabelIsExpected(String text) {
        Selector s = Selector.parse(text);
        assertThat(s.root()).isNotInstanceOf(SelectorExpr.All.class);
    }

    @Test
    void treeHasCalicosShape() {
        assertThat(Selector.parse("!a == 'x' && (b in {'2','1'} || !!has(c))").root()).isEqualTo(
                new SelectorExpr.And(List.of(
                        new SelectorExpr.Not(new SelectorExpr.Equals("a", "x")),
                        new SelectorExpr.Or(List.of(new SelectorExpr.In("b", List.of("1", "2")),
                                new SelectorExpr.Has("c"))))));
    }

    @Test
    void ofNormalisesATreeBuiltInCode() {
        Selector s = Selector.of(new SelectorExpr.Not(new SelectorExpr.Not(new SelectorExpr.Has("a"))));
        assertThat(s).isEqualTo(Selector.parse("has(a)"));
        assertThat(s.root()).isEqualTo(new SelectorExpr.Has("a"));
    }

    @Test
    void recordsRefuseWhatCannotBeWritten() {
        assertThatThrownBy(() -> new SelectorExpr.Equals("a b", "x")).hasMessageContaining("a b");
        assertThatThrownBy(() -> new SelectorExpr.Equals("a", "it's \"x\"")).hasMessageContaining("both");
        assertThatThrownBy(() -> new SelectorExpr.And(List.of(new SelectorExpr.All())))
                .hasMessageContaining("two operands");
    }

    /** Vectors of Calico's PrefixVisitor tests. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
        "k == 'v' -> visited/k == \"v\"",
        "k != 'v' -> visited/k != \"v\"",
        "k contains 'v' -> visited/k contains \"v\"",
        "k starts with 'v' -> visited/k starts with \"v\"",
        "k ends with 'v' -> visited/k ends with \"v\"",
        "k == 'v' && x == 'y' -> (visited/k == \"v\" && visited/x == \"y\")",
        "k == 'v' || has(x) -> (visited/k == \"v\" || has(visited/x))",
        "!(k == 'v') -> !visited/k == \"v\"",
        "k in {'v'} -> visited/k in {\"v\"}",
        "k not in {'v'} -> visited/k not in {\"v\"}",
        "!(!(k == 'v' && has(t) || all()) && (a in {'b', 'c'}))"
                + " -> !(!((visited/k == \"v\" && has(visited/t)) || all()) && visited/a in {\"b\", \"c\"})",
        "global() -> global()",
    })
    void prefixesLabelsLikeCalicosPrefixVisitor(String in, String out) {
        assertThat(Selector.parse(in).withLabelPrefix("visited/").canonical()).isEqualTo(out);
    }

    @Test
    void labelKeysAreWhatTheAnswerDependsOn() {
        assertThat(Selector.parse("a == 'x' || !(has(b) && c not in {'y'}) || global() || all()").labelKeys())
                .containsExactlyInAnyOrder("a", "b", "c", SelectorExpr.NAMESPACE_LABEL);
        assertThat(Selector.parse("").labelKeys()).isEmpty();
    }

    @Test
    void emptySelectorIsAll() {
        assertThat(Selector.parse("")).isEqualTo(Selector.ALL);
        assertThat(Selector.parse(" \t ").root()).isEqualTo(new SelectorExpr.All());
    }
}
