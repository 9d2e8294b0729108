package dev.calyx.model.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State-sequence tests: after every step of a seeded random sequence of endpoint and selector updates, the
 * index, and the matches its listener has heard about, equal a brute-force evaluation of every selector on
 * every endpoint.
 */
class SelectorIndexTest {

    /** Records the listener's events and refuses a start of a live match or a stop of a dead one. */
    static final class RecordingListener implements SelectorIndex.MatchListener<String, String> {
        final Set<List<String>> live = new HashSet<>();
        final List<String> events = new ArrayList<>();

        @Override public void matchStarted(String s, String e) {
            events.add("+" + s + "/" + e);
            if (!live.add(List.of(s, e))) {
                fail("match " + s + "/" + e + " started twice");
            }
        }

        @Override public void matchStopped(String s, String e) {
            events.add("-" + s + "/" + e);
            if (!live.remove(List.of(s, e))) {
                fail("match " + s + "/" + e + " stopped but was not live");
            }
        }
    }

    static LongStream seeds() {
        return LongStream.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 0xCA11C0L, 20261122L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void incrementalMatchesEqualBruteForce(long seed) {
        RandomSelectors gen = new RandomSelectors(seed);
        Random rnd = gen.random();
        RecordingListener listener = new RecordingListener();
        SelectorIndex<String, String> index = new SelectorIndex<>(listener);
        Map<String, Selector> selectors = new HashMap<>();
        Map<String, Map<String, String>> endpoints = new HashMap<>();
        for (int step = 0; step < 400; step++) {
            String op = applyRandomOp(rnd, gen, index, selectors, endpoints);
            try {
                checkAgainstBruteForce(index, listener, selectors, endpoints);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", step " + step + " (" + op + "): " + e.getMessage(), e);
            }
        }
    }

    private static String applyRandomOp(Random rnd, RandomSelectors gen, SelectorIndex<String, String> index,
            Map<String, Selector> selectors, Map<String, Map<String, String>> endpoints) {
        String s = "s" + rnd.nextInt(12);
        String e = "e" + rnd.nextInt(20);
        switch (rnd.nextInt(10)) {
            case 0, 1, 2 -> {
                Selector sel = gen.selector();
                selectors.put(s, sel);
                index.updateSelector(s, sel);
                return "update selector " + s + " = " + sel;
            }
            case 3 -> {
                selectors.remove(s);
                index.deleteSelector(s);
                return "delete selector " + s;
            }
            case 4 -> {
                endpoints.remove(e);
                index.deleteEndpoint(e);
                return "delete endpoint " + e;
            }
            default -> {
                Map<String, String> labels = rnd.nextInt(5) == 0 && endpoints.containsKey(e)
                        ? tweak(rnd, endpoints.get(e)) : gen.labels();
                endpoints.put(e, labels);
                index.updateEndpoint(e, labels);
                return "update endpoint " + e + " = " + labels;
            }
        }
    }

    /** A single-label change, the common case in a cluster (a pod relabelled). */
    private static Map<String, String> tweak(Random rnd, Map<String, String> labels) {
        Map<String, String> m = new HashMap<>(labels);
        String k = RandomSelectors.KEYS[rnd.nextInt(RandomSelectors.KEYS.length)];
        if (rnd.nextBoolean()) {
            m.remove(k);
        } else {
            m.put(k, RandomSelectors.VALUES[rnd.nextInt(RandomSelectors.VALUES.length)]);
        }
        return m;
    }

    private static void checkAgainstBruteForce(SelectorIndex<String, String> index, RecordingListener listener,
            Map<String, Selector> selectors, Map<String, Map<String, String>> endpoints) {
        Set<List<String>> expected = new HashSet<>();
        selectors.forEach((s, sel) -> endpoints.forEach((e, labels) -> {
            if (sel.matches(labels)) {
                expected.add(List.of(s, e));
            }
        }));
        assertThat(listener.live).as("matches heard by the listener").isEqualTo(expected);
        for (String s : selectors.keySet()) {
            Set<String> want = new HashSet<>();
            expected.stream().filter(p -> p.get(0).equals(s)).forEach(p -> want.add(p.get(1)));
            assertThat(index.endpointsMatching(s)).as("endpoints matching %s (%s)", s, selectors.get(s))
                    .isEqualTo(want);
        }
        for (String e : endpoints.keySet()) {
            Set<String> want = new HashSet<>();
            expected.stream().filter(p -> p.get(1).equals(e)).forEach(p -> want.add(p.get(0)));
            assertThat(index.selectorsMatching(e)).as("selectors matching %s %s", e, endpoints.get(e))
                    .isEqualTo(want);
        }
        assertThat(index.selectorCount()).isEqualTo(selectors.size());
        assertThat(index.endpointCount()).isEqualTo(endpoints.size());
    }

    @Test
    void reportsOnlyChangesAndStopsMatchesOfRemovedObjects() {
        RecordingListener listener = new RecordingListener();
        SelectorIndex<String, String> index = new SelectorIndex<>(listener);
        index.updateEndpoint("web-1", Map.of("app", "web", "env", "prod"));
        index.updateEndpoint("db-1", Map.of("app", "db", "env", "prod"));
        index.updateSelector("web", Selector.parse("app == 'web'"));
        index.updateSelector("prod", Selector.parse("env == 'prod'"));
        assertThat(listener.events).containsExactlyInAnyOrder("+web/web-1", "+prod/web-1", "+prod/db-1");

        listener.events.clear();
        index.updateSelector("web", Selector.parse("(app == \"web\")"));
        index.updateEndpoint("web-1", Map.of("env", "prod", "app", "web"));
        assertThat(listener.events).as("same selector and labels again").isEmpty();

        index.updateEndpoint("web-1", Map.of("app", "web", "env", "dev"));
        assertThat(listener.events).containsExactly("-prod/web-1");

        listener.events.clear();
        index.deleteEndpoint("db-1");
        index.deleteSelector("web");
        assertThat(listener.events).containsExactlyInAnyOrder("-prod/db-1", "-web/web-1");
        assertThat(index.selectorsMatching("web-1")).isEmpty();
        assertThat(index.endpointsMatching("prod")).isEmpty();
    }

    @Test
    void nullLabelsAreRefusedNamingTheEndpoint() {
        SelectorIndex<String, String> index = new SelectorIndex<>(new RecordingListener());
        Map<String, String> labels = new HashMap<>();
        labels.put("app", null);
        assertThatThrownBy(() -> index.updateEndpoint("pod-1", labels))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pod-1");
    }

    @Test
    void absentLabelSemanticsHoldInTheIndex() {
        RecordingListener listener = new RecordingListener();
        SelectorIndex<String, String> index = new SelectorIndex<>(listener);
        index.updateSelector("not-prod", Selector.parse("env != 'prod'"));
        index.updateSelector("not-in", Selector.parse("env not in {'prod'}"));
        index.updateSelector("global", Selector.parse("global()"));
        index.updateEndpoint("bare", Map.of());
        index.updateEndpoint("pod", Map.of(SelectorExpr.NAMESPACE_LABEL, "default", "env", "prod"));
        assertThat(index.selectorsMatching("bare")).containsExactlyInAnyOrder("not-prod", "not-in", "global");
        assertThat(index.selectorsMatching("pod")).isEmpty();
        assertThat(index.unindexedSelectorCount()).isEqualTo(3);
    }
}
