package dev.calyx.calc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.calyx.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Felix's state-sequence tests: the graph walks through sequences of named states (each a complete set of inputs
 * with its exact expected output), starting and ending empty. Every sequence is replayed forwards and backwards,
 * and each transition is fed in several ways: updates in order or reversed, flushed after each update or once
 * per state, and with every update (and every unchanged resource) sent twice. After each state both the state
 * rebuilt from the callbacks and the graph's own view must equal the expected output exactly, and a further flush
 * must report nothing.
 */
class StateSequenceTest {
    enum Mode { FORWARD_FLUSH_EACH, REVERSED_FLUSH_EACH, FORWARD_FLUSH_AT_END, REVERSED_FLUSH_AT_END, DUPLICATED }

    private sealed interface Op {
        record Upsert(Resource resource) implements Op {
        }

        record Delete(ResourceKey key) implements Op {
        }
    }

    static final Map<String, List<Supplier<CalcState>>> SEQUENCES = Map.of(
            "gnp label changes", List.of(StateLibrary::gnpLocal, StateLibrary::gnpRemoteMoved,
                    StateLibrary::gnpRelabelled, StateLibrary::gnpLocal),
            "tiers, k8s, netsets", List.of(StateLibrary::tiersAndOrder, StateLibrary::k8sPolicy,
                    StateLibrary::networkSets),
            "k8s namespace relabel", List.of(StateLibrary::k8sPolicy, StateLibrary::k8sNamespacesRelabelled,
                    StateLibrary::k8sPolicy),
            "k8s, gnp, hosts, missing profile", List.of(StateLibrary::k8sPolicy, StateLibrary::gnpLocal,
                    StateLibrary::hostEndpoints, StateLibrary::missingProfile),
            "netsets, tiers, hosts", List.of(StateLibrary::networkSets, StateLibrary::tiersAndOrder,
                    StateLibrary::hostEndpoints),
            "each alone", List.of(StateLibrary::tiersAndOrder, () -> CalcState.EMPTY, StateLibrary::k8sPolicy,
                    () -> CalcState.EMPTY, StateLibrary::networkSets, () -> CalcState.EMPTY,
                    StateLibrary::hostEndpoints));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (var seq : new java.util.TreeMap<>(SEQUENCES).entrySet()) {
            for (boolean reversed : new boolean[] {false, true}) {
                for (Mode mode : Mode.values()) {
                    out.add(Arguments.of(seq.getKey() + (reversed ? " (reversed)" : ""), mode,
                            reversed ? reversed(seq.getValue()) : seq.getValue()));
                }
            }
        }
        return out.stream();
    }

    private static <T> List<T> reversed(List<T> l) {
        List<T> r = new ArrayList<>(l);
        Collections.reverse(r);
        return r;
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("cases")
    void sequenceGivesExactlyTheExpectedStates(String name, Mode mode, List<Supplier<CalcState>> sequence) {
        DesiredStateRecorder recorder = new DesiredStateRecorder();
        CalcGraph graph = new CalcGraph(Fixtures.NODE, recorder);
        CalcState current = CalcState.EMPTY;
        List<CalcState> states = new ArrayList<>(sequence.stream().map(Supplier::get).toList());
        states.add(CalcState.EMPTY);
        for (CalcState next : states) {
            apply(graph, transition(current, next, mode), mode, next);
            assertThat(recorder.state()).as("%s: state %s, rebuilt from callbacks", mode, next)
                    .isEqualTo(next.expected());
            assertThat(graph.desiredState()).as("%s: state %s, graph view", mode, next).isEqualTo(next.expected());
            int calls = recorder.calls();
            graph.flush();
            assertThat(recorder.calls()).as("a second flush reports nothing").isEqualTo(calls);
            current = next;
        }
    }

    private static void apply(CalcGraph graph, List<Op> ops, Mode mode, CalcState next) {
        for (Op op : ops) {
            int times = mode == Mode.DUPLICATED ? 2 : 1;
            for (int i = 0; i < times; i++) {
                switch (op) {
                    case Op.Upsert u -> graph.onUpdate(u.resource());
                    case Op.Delete d -> graph.onDelete(d.key());
                }
            }
            if (mode == Mode.FORWARD_FLUSH_EACH || mode == Mode.REVERSED_FLUSH_EACH || mode == Mode.DUPLICATED) {
                graph.flush();
            }
        }
        if (mode == Mode.DUPLICATED) {
            next.resources().forEach(graph::onUpdate);
        }
        graph.flush();
    }

    private static List<Op> transition(CalcState from, CalcState to, Mode mode) {
        Map<ResourceKey, Resource> before = from.byKey();
        Map<ResourceKey, Resource> after = to.byKey();
        List<Op> ops = new ArrayList<>();
        after.forEach((k, r) -> {
            if (!r.equals(before.get(k))) {
                ops.add(new Op.Upsert(r));
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> ops.add(new Op.Delete(k)));
        if (mode == Mode.REVERSED_FLUSH_EACH || mode == Mode.REVERSED_FLUSH_AT_END) {
            Collections.reverse(ops);
        }
        return ops;
    }
}
