package dev.calyx.model.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorsTest {

    @Test
    void podSelectorIsPrefixedWithTheOrchestratorAndSortsMatchLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("tier", "web");
        labels.put("app", "shop");
        String text = LabelSelectors.podSelectorText(labels, List.of(
                LabelRequirement.in("env", "prod", "dev"),
                LabelRequirement.notIn("zone", "a"),
                LabelRequirement.exists("team"),
                LabelRequirement.doesNotExist("legacy")));
        assertThat(text).isEqualTo("projectcalico.org/orchestrator == 'k8s' && app == 'shop' && tier == 'web'"
                + " && env in { 'prod', 'dev' } && zone not in { 'a' } && has(team) && ! has(legacy)");
        assertThat(Selector.parse(text).canonical()).isEqualTo("(projectcalico.org/orchestrator == \"k8s\""
                + " && app == \"shop\" && tier == \"web\" && env in {\"dev\", \"prod\"} && zone not in {\"a\"}"
                + " && has(team) && !has(legacy))");
    }

    @Test
    void absentPodSelectorSelectsAllPods() {
        assertThat(LabelSelectors.podSelectorText(null, null)).isEqualTo("projectcalico.org/orchestrator == 'k8s'");
        assertThat(LabelSelectors.podSelectorText(Map.of(), List.of()))
                .isEqualTo("projectcalico.org/orchestrator == 'k8s'");
    }

    @Test
    void namespaceSelectorAbsentIsEmptyAndPresentButEmptyIsAll() {
        assertThat(LabelSelectors.namespaceSelectorText(null, null)).isEmpty();
        assertThat(LabelSelectors.namespaceSelectorText(Map.of(), List.of())).isEqualTo("all()");
        assertThat(LabelSelectors.namespaceSelectorText(Map.of("team", "a"), null)).isEqualTo("team == 'a'");
        assertThat(LabelSelectors.namespaceSelector(null, List.of(LabelRequirement.exists("x"))).canonical())
                .isEqualTo("has(x)");
    }

    @Test
    void keepsCalicosQuirks() {
        assertThat(LabelSelectors.termsText(null, List.of(new LabelRequirement("a", LabelRequirement.Operator.In,
                List.of())))).isEqualTo("a in { '' }");
        assertThatThrownBy(() -> LabelSelectors.podSelector(Map.of("a", "it's"), null))
                .isInstanceOf(SelectorParseException.class);
    }

    @Test
    void operatorParsesTheApiSpelling() {
        assertThat(LabelRequirement.Operator.fromApi("DoesNotExist")).isEqualTo(LabelRequirement.Operator.DoesNotExist);
        assertThatThrownBy(() -> LabelRequirement.Operator.fromApi("Gt")).hasMessageContaining("Gt");
    }

    /** Translation preserves Kubernetes semantics on random selectors and label sets. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void translationMatchesKubernetesSemantics(long seed) {
        Random rnd = new Random(seed);
        String[] keys = {"app", "tier", "env", "k8s.io/zone"};
        String[] vals = {"a", "b", "c"};
        for (int round = 0; round < 300; round++) {
            Map<String, String> matchLabels = new HashMap<>();
            List<LabelRequirement> exprs = new ArrayList<>();
            for (int i = rnd.nextInt(3); i > 0; i--) {
                matchLabels.put(keys[rnd.nextInt(keys.length)], vals[rnd.nextInt(vals.length)]);
            }
            for (int i = rnd.nextInt(3); i > 0; i--) {
                LabelRequirement.Operator op = LabelRequirement.Operator.values()[rnd.nextInt(4)];
                List<String> values = switch (op) {
                    case In, NotIn -> List.of(vals[rnd.nextInt(3)], vals[rnd.nextInt(3)]);
                    default -> List.of();
                };
                exprs.add(new LabelRequirement(keys[rnd.nextInt(keys.length)], op, values));
            }
            Selector sel = LabelSelectors.podSelector(matchLabels, exprs);
            Map<String, String> pod = new HashMap<>();
            pod.put(LabelSelectors.ORCHESTRATOR_LABEL, "k8s");
            for (String k : keys) {
                if (rnd.nextBoolean()) {
                    pod.put(k, vals[rnd.nextInt(vals.length)]);
                }
            }
            assertThat(sel.matches(pod)).as("seed %d round %d: %s on %s", seed, round, sel, pod)
                    .isEqualTo(kubernetesMatches(matchLabels, exprs, pod));
        }
    }

    private static boolean kubernetesMatches(Map<String, String> matchLabels, List<LabelRequirement> exprs,
            Map<String, String> labels) {
        for (var e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelRequirement r : exprs) {
            String v = labels.get(r.key());
            boolean ok = switch (r.operator()) {
                case In -> v != null && r.values().contains(v);
                case NotIn -> v == null || !r.values().contains(v);
                case Exists -> v != null;
                case DoesNotExist -> v == null;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
