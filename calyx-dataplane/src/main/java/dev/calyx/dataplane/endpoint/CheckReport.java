package dev.calyx.dataplane.endpoint;

import java.util.List;

/**
 * The outcome of {@link EndpointWiring#check}: one line per thing missing or wrong, each naming the object
 * ("host route 10.244.0.5/32 dev calic440f455693: missing").
 */
public record CheckReport(String hostVethName, List<String> problems) {
    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Throws an {@link EndpointException} listing the problems unless there are none (for CNI CHECK). */
    public void requireOk() {
        if (!ok()) {
            throw new EndpointException("endpoint " + hostVethName + " is not wired as expected: "
                    + String.join("; ", problems));
        }
    }
}
