package dev.calyx.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link SelectorIndexBenchmark} and prints each incremental update's speed-up over the naive anchor
 * measured in the same run (a label change is two endpoint updates, a new endpoint or selector one add plus
 * one delete).
 */
public final class SelectorIndexRatios {
    private SelectorIndexRatios() {}

    public static void main(String[] args) throws RunnerException {
        Options opts = new OptionsBuilder().include(SelectorIndexBenchmark.class.getSimpleName()).build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Double> us = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            String unit = r.getPrimaryResult().getScoreUnit();
            us.put(name.substring(name.lastIndexOf('.') + 1), unit.startsWith("ms") ? score * 1000 : score);
        }
        double rescan = us.get("naiveEndpointRescan");
        double scan = us.get("naiveSelectorScan");
        System.out.printf("%ninitial build: %.1f ms endpoints first, %.1f ms selectors first;"
                + " naive %.0f ms (10,000 rescans)%n", us.get("initialBuild") / 1000,
                us.get("initialBuildSelectorsFirst") / 1000, rescan * 10_000 / 1000);
        System.out.printf("label change : %.2f us per update, naive %.1f us: %.0fx faster%n",
                us.get("labelChange") / 2, rescan, rescan / (us.get("labelChange") / 2));
        System.out.printf("new endpoint : %.2f us add+delete, naive %.1f us per add: %.0fx faster%n",
                us.get("newEndpoint"), rescan, rescan / us.get("newEndpoint"));
        System.out.printf("new selector : %.2f us add+delete, naive %.1f us per add: %.0fx faster%n",
                us.get("newSelector"), scan, scan / us.get("newSelector"));
    }
}
