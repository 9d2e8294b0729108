package dev.calyx.calc;

import static dev.calyx.calc.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernel state must grow with the SUM of endpoints and policies, not their product: rules are resolved once per
 * policy and shared by key, IP sets once per distinct selector. Counts objects; never times anything.
 *
 * <p>Scenario: E local endpoints in K label groups, P policies each selecting one group and allowing from the
 * next. Every endpoint is selected by P/K policies, so per-endpoint rule copies would cost E·P/K·2 rules.
 */
class GrowthTest {
    private static final int GROUPS = 10;

    private record Size(int rules, int members, int policyUpdates) {
        int total() {
            return rules + members;
        }
    }

    @Test
    void stateGrowsWithEndpointsPlusPoliciesNotTheirProduct() {
        Size small = measure(200, 100);
        Size large = measure(800, 400);
        System.out.printf("calc growth: E=200,P=100 -> %d objects; E=800,P=400 -> %d objects (x%.2f; "
                        + "per-endpoint copies would be %d -> %d, x16)%n", small.total(), large.total(),
                (double) large.total() / small.total(), copies(200, 100), copies(800, 400));
        assertThat(small).isEqualTo(new Size(2 * 100 + 2, 200, 100));
        assertThat(large).isEqualTo(new Size(2 * 400 + 2, 800, 400));
        assertThat((double) large.total() / small.total()).isLessThan(4.1);
    }

    @Test
    void oneEndpointUpdateReportsOnlyWhatItTouches() {
        LoggingCallbacks log = new LoggingCallbacks();
        CalcGraph graph = build(log, 400, 200);
        graph.flush();
        log.calls.clear();
        graph.onUpdate(Fixtures.wep("ns", "pod0", Fixtures.NODE, "10.0.0.0", labels("app", "a1")));
        graph.flush();
        assertThat(log.calls).containsExactly("ipset~", "ipset~", "endpoint+");
        log.calls.clear();
        graph.onUpdate(Fixtures.gnp("p5", null, 5.0, "app == 'a5'", null,
                List.of(Fixtures.fromSelector("Allow", "app == 'a6'")), null));
        graph.flush();
        assertThat(log.calls).containsExactly("policy+");
    }

    private static long copies(int endpoints, int policies) {
        return (long) endpoints * (policies / GROUPS) * 2;
    }

    private static Size measure(int endpoints, int policies) {
        LoggingCallbacks log = new LoggingCallbacks();
        DesiredStateRecorder recorder = log.recorder;
        CalcGraph graph = build(log, endpoints, policies);
        graph.flush();
        DesiredState s = recorder.state();
        int rules = s.policies().values().stream().mapToInt(p -> p.ingress().size() + p.egress().size()).sum()
                + s.profiles().values().stream().mapToInt(p -> p.ingress().size() + p.egress().size()).sum();
        int members = s.ipSets().values().stream().mapToInt(set -> set.members().size()).sum();
        assertThat(graph.stateSize()).isEqualTo(rules + members);
        assertThat(s.endpoints()).hasSize(endpoints);
        return new Size(rules, members, (int) log.calls.stream().filter("policy+"::equals).count());
    }

    private static CalcGraph build(DataplaneCallbacks callbacks, int endpoints, int policies) {
        CalcGraph graph = new CalcGraph(Fixtures.NODE, callbacks);
        graph.onUpdate(Fixtures.namespace("ns", null));
        for (int i = 0; i < endpoints; i++) {
            graph.onUpdate(Fixtures.wep("ns", "pod" + i, Fixtures.NODE,
                    "10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256), labels("app", "a" + i % GROUPS)));
        }
        for (int j = 0; j < policies; j++) {
            graph.onUpdate(Fixtures.gnp("p" + j, null, (double) j, "app == 'a" + j % GROUPS + "'", null,
                    List.of(Fixtures.fromSelector("Allow", "app == 'a" + (j + 1) % GROUPS + "'"),
                            Fixtures.tcpTo("Allow", "80")), null));
        }
        return graph;
    }
}
