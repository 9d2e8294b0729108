package dev.calyx.bench;

import dev.calyx.model.selector.Selector;
import dev.calyx.model.selector.SelectorIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link SelectorIndex} with 10,000 endpoints × 2,000 selectors: the initial build and the cost of each kind
 * of update, against the anchor a naive index would pay per update (every selector evaluated on the changed
 * endpoint, {@code naiveEndpointRescan}; every endpoint evaluated for a new selector, {@code naiveSelectorScan}).
 *
 * <p>Run: {@code java -cp 'calyx-bench/target/calyx-bench.jar:calyx-bench/target/lib/*'
 * org.openjdk.jmh.Main SelectorIndex -f 1 -wi 2 -i 3} (see BENCHMARKS.md), or
 * {@link SelectorIndexRatios} to get the ratios printed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class SelectorIndexBenchmark {

    @Param({"10000"})
    int endpoints;

    @Param({"2000"})
    int selectors;

    private List<Map<String, String>> endpointLabels;
    private List<Selector> selectorList;
    private SelectorIndex<Integer, Integer> index;
    /** Updates cycle through this many new endpoints/selectors so one outlier does not decide the figure. */
    private static final int EXTRA = 64;

    private List<Selector> extraSelectors;
    private List<Map<String, String>> extraEndpoints;
    private long events;
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() {
        SelectorWorkload data = new SelectorWorkload(20261122L);
        SelectorWorkload workload = new SelectorWorkload(7L);
        endpointLabels = data.endpoints(endpoints);
        selectorList = data.selectors(selectors);
        index = build(true);
        extraSelectors = workload.selectors(EXTRA);
        extraEndpoints = workload.endpoints(EXTRA);
    }

    private SelectorIndex<Integer, Integer> build(boolean endpointsFirst) {
        SelectorIndex<Integer, Integer> idx = new SelectorIndex<>(new SelectorIndex.MatchListener<>() {
            @Override public void matchStarted(Integer s, Integer e) {
                events++;
            }

            @Override public void matchStopped(Integer s, Integer e) {
                events--;
            }
        });
        if (endpointsFirst) {
            addEndpoints(idx);
        }
        for (int i = 0; i < selectorList.size(); i++) {
            idx.updateSelector(i, selectorList.get(i));
        }
        if (!endpointsFirst) {
            addEndpoints(idx);
        }
        return idx;
    }

    private void addEndpoints(SelectorIndex<Integer, Integer> idx) {
        for (int i = 0; i < endpointLabels.size(); i++) {
            idx.updateEndpoint(i, endpointLabels.get(i));
        }
    }

    /** Everything from empty, endpoints first so each selector is filed by real counts (milliseconds). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SelectorIndex<Integer, Integer> initialBuild() {
        return build(true);
    }

    /** Everything from empty, selectors first: terms are static guesses, the worse order (milliseconds). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SelectorIndex<Integer, Integer> initialBuildSelectorsFirst() {
        return build(false);
    }

    /** One pod relabelled (its version label changes), then changed back: two updates per op. */
    @Benchmark
    public void labelChange() {
        int e = cursor++ % endpoints;
        Map<String, String> labels = endpointLabels.get(e);
        Map<String, String> changed = new HashMap<>(labels);
        changed.put("version", "v9");
        index.updateEndpoint(e, changed);
        index.updateEndpoint(e, labels);
    }

    /** A new pod appears and goes away again: one add and one delete per op. */
    @Benchmark
    public void newEndpoint() {
        index.updateEndpoint(-1, extraEndpoints.get(cursor++ % EXTRA));
        index.deleteEndpoint(-1);
    }

    /** A new policy selector appears and goes away again: one add and one delete per op. */
    @Benchmark
    public void newSelector() {
        index.updateSelector(-1, extraSelectors.get(cursor++ % EXTRA));
        index.deleteSelector(-1);
    }

    /** Anchor: what a naive index pays per endpoint update, all selectors evaluated on one endpoint. */
    @Benchmark
    public void naiveEndpointRescan(Blackhole bh) {
        Map<String, String> labels = endpointLabels.get(cursor++ % endpoints);
        for (Selector s : selectorList) {
            bh.consume(s.matches(labels));
        }
    }

    /** Anchor: what a naive index pays per new selector, evaluated on all endpoints. */
    @Benchmark
    public void naiveSelectorScan(Blackhole bh) {
        Selector s = extraSelectors.get(cursor++ % EXTRA);
        for (Map<String, String> labels : endpointLabels) {
            bh.consume(s.matches(labels));
        }
    }
}
