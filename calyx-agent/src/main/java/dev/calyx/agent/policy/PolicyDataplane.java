package dev.calyx.agent.policy;

import dev.calyx.agent.loop.DataplaneLoop;
import dev.calyx.calc.CalcGraph;
import dev.calyx.calc.EndpointKey;
import dev.calyx.dataplane.policy.NatPool;
import dev.calyx.dataplane.policy.PolicyManager;
import dev.calyx.model.IPPool;
import dev.calyx.model.Kind;
import dev.calyx.model.WorkloadEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy half of the node's dataplane: the calc graph and the nft {@link PolicyManager}, both confined to the
 * agent's one {@link DataplaneLoop} thread.
 *
 * <p>Design: updates (from the syncer, or straight from CNI ADD/DEL) go into a queue; one loop task drains the whole
 * queue, feeds the calc graph, flushes it and applies ONE nft transaction, so a burst costs one pass. Nothing is
 * applied before {@link PolicyUpdate.InSync} (the first full listing); the first apply is a {@code resync()}, which
 * reads what a previous agent left in the table and repairs only the difference (no flush on restart). A failed
 * apply is retried a second later; a periodic resync repairs drift made behind our back.
 *
 * <p>Thread safety: {@link #offer}, {@link #awaitProgrammed} and {@link #forget} from any thread; all state below
 * is touched only on the loop.
 */
public final class PolicyDataplane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyDataplane.class);
    private final DataplaneLoop loop;
    private final PolicyManager manager;
    private final CalcGraph graph;
    private final ConcurrentLinkedQueue<PolicyUpdate> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("calyx-policy-timer").daemon().unstarted(r));
    private final Map<String, NatPool> pools = new TreeMap<>(); // loop-confined
    private boolean inSync; // loop-confined
    private boolean firstApplied; // loop-confined
    private boolean poolsChanged; // loop-confined

    public PolicyDataplane(DataplaneLoop loop, String nodeName, PolicyManager manager, Duration resyncInterval) {
        this.loop = loop;
        this.manager = manager;
        this.graph = new CalcGraph(nodeName, manager);
        long every = resyncInterval.toMillis();
        timer.scheduleWithFixedDelay(() -> loop.submit(() -> {
            resync();
            return null;
        }), every, every, TimeUnit.MILLISECONDS);
    }

    /** Queues updates; one loop pass will take them all. */
    public void offer(List<PolicyUpdate> updates) {
        queue.addAll(updates);
        if (scheduled.compareAndSet(false, true)) {
            loop.submit(() -> {
                pass();
                return null;
            });
        }
    }

    /**
     * Feeds the just-written endpoint to the calc graph (not waiting for the watch) and blocks until its chains are
     * in the kernel; fails after {@code timeout} naming the endpoint.
     */
    public void awaitProgrammed(WorkloadEndpoint wep, Duration timeout) {
        EndpointKey key = EndpointKey.workload(wep.metadata().namespace(), wep.metadata().name());
        offer(List.of(new PolicyUpdate.Put(wep)));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!loop.call(() -> manager.isProgrammed(key))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("policy for WorkloadEndpoint " + key.namespace() + "/" + key.name()
                        + " not programmed within " + timeout.toMillis() + " ms"
                        + (loop.call(() -> inSync) ? "" : " (policy sync with the datastore not complete yet)"));
            }
            sleep(5);
        }
    }

    /** The endpoint is gone (CNI DEL): drop it from the graph now rather than at the watch's pace. */
    public void forget(String namespace, String name) {
        offer(List.of(new PolicyUpdate.Removed(Kind.WORKLOAD_ENDPOINT, namespace, name)));
    }

    private void pass() {
        scheduled.set(false);
        PolicyUpdate u;
        int n = 0;
        while ((u = queue.poll()) != null) {
            feed(u);
            n++;
        }
        if (!inSync) {
            return;
        }
        try {
            graph.flush();
            if (poolsChanged) {
                manager.setNatPools(new ArrayList<>(pools.values()));
                poolsChanged = false;
            }
            if (!firstApplied) {
                manager.resync();
                firstApplied = true;
                LOG.info("policy table programmed after first sync ({} updates)", n);
            } else if (manager.hasPendingChanges()) {
                manager.apply();
            }
        } catch (RuntimeException e) {
            LOG.warn("policy apply failed ({}); retrying in 1 s", e.getMessage());
            timer.schedule(() -> offer(List.of()), 1, TimeUnit.SECONDS);
        }
    }

    private void feed(PolicyUpdate update) {
        try {
            switch (update) {
                case PolicyUpdate.InSync s -> inSync = true;
                case PolicyUpdate.Put p when p.resource() instanceof IPPool pool -> {
                    boolean nat = pool.spec() != null && Boolean.TRUE.equals(pool.spec().natOutgoing())
                            && !Boolean.TRUE.equals(pool.spec().disabled());
                    pools.put(pool.metadata().name(), new NatPool(pool.spec().cidr(), nat));
                    poolsChanged = true;
                }
                case PolicyUpdate.Put p -> graph.onUpdate(p.resource());
                case PolicyUpdate.Removed r when r.kind() == Kind.IP_POOL -> {
                    pools.remove(r.name());
                    poolsChanged = true;
                }
                case PolicyUpdate.Removed r -> graph.onDelete(r.kind(), r.namespace(), r.name());
            }
        } catch (RuntimeException e) {
            LOG.warn("policy update {} ignored: {}", update, e.getMessage());
        }
    }

    private void resync() {
        if (!firstApplied) {
            return;
        }
        try {
            manager.resync();
        } catch (RuntimeException e) {
            LOG.warn("policy resync failed: {}", e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for policy programming", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
