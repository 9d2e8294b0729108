package dev.calyx.dataplane.policy;

import dev.calyx.calc.CalcGraph;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.Rule;
import dev.calyx.testkit.FakeNft;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.calyx.dataplane.policy.PolicyFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kernel objects grow with endpoints PLUS policies: policy chains are shared, selected endpoints live in set
 * elements. Counted (not timed) at four sizes: the cost of adding endpoints does not depend on the number of
 * policies and vice versa, which is what an E x P layout would break.
 */
class PolicyGrowthTest {
    private record Counts(int rules, int elements) {
    }

    private static Counts counts(int endpoints, int policies) {
        PolicyManager manager = new PolicyManager(new FakeNft());
        CalcGraph graph = new CalcGraph(NODE, manager);
        for (int n = 0; n < 10; n++) {
            graph.onUpdate(namespace("ns" + n, labels()));
        }
        for (int p = 0; p < policies; p++) {
            Rule allow = fromSelector("Allow", "role == 'r" + (p % 5) + "'");
            graph.onUpdate(new NetworkPolicy(ObjectMeta.namespaced("ns" + (p % 10), "pol" + p),
                    new NetworkPolicy.Spec(null, 100.0 + p, List.of(allow), List.of(), "app == 'a" + p + "'", null,
                            null, null)));
        }
        for (int e = 0; e < endpoints; e++) {
            int app = e % policies;
            graph.onUpdate(wep("ns" + (app % 10), "wep" + e, String.format("cali%011x", e),
                    "10.64." + (e >> 8) + "." + (e & 0xff), labels("app", "a" + app, "role", "r" + (e % 5))));
        }
        graph.flush();
        manager.apply();
        RenderedTable t = manager.appliedTable();
        return new Counts(t.ruleCount(), t.elementCount());
    }

    @Test
    void rulesAndElementsGrowWithTheSumOfEndpointsAndPolicies() {
        Counts small = counts(100, 10);
        Counts moreEndpoints = counts(200, 10);
        Counts morePolicies = counts(100, 20);
        Counts both = counts(200, 20);

        int perHundredEndpoints = moreEndpoints.rules() - small.rules();
        assertThat(both.rules() - morePolicies.rules()).as("adding endpoints costs the same whatever P")
                .isEqualTo(perHundredEndpoints);
        assertThat(both.rules() - moreEndpoints.rules()).as("adding policies costs the same whatever E")
                .isEqualTo(morePolicies.rules() - small.rules());
        assertThat(perHundredEndpoints).as("a bounded number of rules per endpoint").isLessThanOrEqualTo(100 * 20);
        for (var c : List.of(small, moreEndpoints, morePolicies, both)) {
            assertThat(c.elements()).as("set and map elements").isLessThanOrEqualTo(3 * 200 + 20);
        }
    }
}
