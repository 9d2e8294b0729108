package dev.calyx.model.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndexTermTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " -> ", value = {
        "app == 'web' -> KeyValues[key=app, values=[web]]",
        "app == 'web' && tier != 'db' -> KeyValues[key=app, values=[web]]",
        "has(app) && env in {'a', 'b'} -> KeyValues[key=env, values=[a, b]]",
        "env in {'a', 'b'} && app == 'x' -> KeyValues[key=app, values=[x]]",
        "has(app) && has(b) -> KeyPresent[key=app]",
        "app starts with 'w' -> KeyPresent[key=app]",
        "app == 'a' || app == 'b' -> KeyValues[key=app, values=[a, b]]",
        "app == 'a' || has(app) -> KeyPresent[key=app]",
        "app == 'a' || tier == 'b' -> Unindexed[]",
        "!has(app) -> Unindexed[]",
        "!(app == 'x') -> Unindexed[]",
        "env != 'prod' -> Unindexed[]",
        "env not in {'prod'} -> Unindexed[]",
        "all() -> Unindexed[]",
        "global() -> Unindexed[]",
        "a == 'x' && a == 'y' -> Never[]",
        "a in {} -> Never[]",
        "a in {'x', 'y'} && (a == 'y' || a == 'z') -> KeyValues[key=a, values=[y]]",
    })
    void picksTheMostSelectiveRequiredTerm(String selector, String term) {
        IndexTerm t = IndexTerm.of(Selector.parse(selector).root());
        String text = t instanceof IndexTerm.KeyValues kv
                ? "KeyValues[key=" + kv.key() + ", values=" + new java.util.TreeSet<>(kv.values()) + "]"
                : t.toString();
        assertThat(text).isEqualTo(term);
    }

    /** The term is sound: whatever the selector matches passes the term. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 11, 99})
    void everyMatchPassesTheTerm(long seed) {
        RandomSelectors gen = new RandomSelectors(seed);
        for (int i = 0; i < 2000; i++) {
            Selector sel = gen.selector();
            Map<String, String> labels = gen.labels();
            if (!sel.matches(labels)) {
                continue;
            }
            IndexTerm term = IndexTerm.of(sel.root());
            boolean passes = switch (term) {
                case IndexTerm.KeyValues kv -> kv.values().contains(labels.get(kv.key()));
                case IndexTerm.KeyPresent kp -> labels.containsKey(kp.key());
                case IndexTerm.Unindexed u -> true;
                case IndexTerm.Never n -> false;
            };
            assertThat(passes).as("seed %d: %s matches %s but fails its term %s", seed, sel, labels, term).isTrue();
        }
    }
}
