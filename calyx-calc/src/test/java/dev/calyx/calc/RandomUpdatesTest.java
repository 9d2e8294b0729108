package dev.calyx.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever the history, the incrementally maintained output equals a from-scratch computation over the
 * resources that are current. Seeded random histories of upserts and deletes over a small universe of keys,
 * flushed at random points; checked against a fresh graph (fed in a shuffled order) at checkpoints and at the end.
 */
class RandomUpdatesTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 42, 1234, 98765})
    void incrementalOutputEqualsRecomputation(long seed) {
        Random random = new Random(seed);
        RandomResources universe = new RandomResources(random);
        DesiredStateRecorder recorder = new DesiredStateRecorder();
        CalcGraph graph = new CalcGraph(Fixtures.NODE, recorder);
        Map<ResourceKey, Resource> current = new LinkedHashMap<>();
        boolean sawPolicyWithMembers = false;
        for (int step = 1; step <= 400; step++) {
            if (random.nextInt(4) == 0 && !current.isEmpty()) {
                List<ResourceKey> keys = new ArrayList<>(current.keySet());
                ResourceKey key = keys.get(random.nextInt(keys.size()));
                current.remove(key);
                graph.onDelete(key);
            } else {
                Resource r = universe.any();
                current.put(ResourceKey.of(r), r);
                graph.onUpdate(r);
            }
            if (random.nextInt(5) == 0) {
                graph.flush();
            }
            if (step % 100 == 0) {
                graph.flush();
                DesiredState expected = fromScratch(current.values(), new Random(seed * 31 + step));
                assertThat(recorder.state()).as("seed %d step %d, rebuilt from callbacks", seed, step)
                        .isEqualTo(expected);
                assertThat(graph.desiredState()).as("seed %d step %d, graph view", seed, step).isEqualTo(expected);
                sawPolicyWithMembers |= !expected.policies().isEmpty()
                        && expected.ipSets().values().stream().anyMatch(s -> !s.members().isEmpty());
            }
        }
        assertThat(sawPolicyWithMembers).as("seed %d exercised active policies and IP-set members", seed).isTrue();
        current.keySet().forEach(graph::onDelete);
        graph.flush();
        assertThat(recorder.state()).as("seed %d, all deleted", seed).isEqualTo(DesiredState.EMPTY);
    }

    private static DesiredState fromScratch(java.util.Collection<Resource> resources, Random shuffle) {
        List<Resource> shuffled = new ArrayList<>(resources);
        Collections.shuffle(shuffled, shuffle);
        DesiredStateRecorder recorder = new DesiredStateRecorder();
        CalcGraph fresh = new CalcGraph(Fixtures.NODE, recorder);
        shuffled.forEach(fresh::onUpdate);
        fresh.flush();
        return recorder.state();
    }
}
