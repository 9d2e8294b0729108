package dev.calyx.agent.loop;

import dev.calyx.dataplane.endpoint.CheckReport;
import dev.calyx.dataplane.endpoint.EndpointReconciler;
import dev.calyx.dataplane.endpoint.EndpointRef;
import dev.calyx.dataplane.endpoint.EndpointSpec;
import dev.calyx.dataplane.endpoint.EndpointWiring;
import dev.calyx.dataplane.endpoint.WiredEndpoint;
import dev.calyx.dataplane.routes.HostRoutes;
import dev.calyx.dataplane.routes.ReconcileResult;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.model.WorkloadEndpoint;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's workload dataplane: endpoint wiring, the host routes to local workloads and the restart reconciler,
 * behind the {@link DataplaneLoop}. Every public method hops onto the loop, so callers on any thread get serialised
 * access and the managers inside stay single-threaded (they are not thread-safe by design).
 *
 * <p>ADD returns only once the endpoint is programmed: wiring and routes in {@link #add}; then, once the
 * WorkloadEndpoint is written, {@link #awaitProgrammed} waits in the {@link EndpointProgrammedHook} for the
 * endpoint's policy (a pod must never run unpoliced).
 */
public final class LocalDataplane {
    private final DataplaneLoop loop;
    private final EndpointWiring wiring;
    private final HostRoutes routes;
    private final EndpointReconciler reconciler;
    private final EndpointProgrammedHook programmed;
    private final Set<String> endpoints = new HashSet<>(); // confined to the loop
    private final AtomicInteger endpointCount = new AtomicInteger();

    public LocalDataplane(DataplaneLoop loop, FfmRtNetlink host, EndpointProgrammedHook programmed) {
        this.loop = loop;
        this.wiring = EndpointWiring.onHost(host);
        this.routes = new HostRoutes(host);
        this.reconciler = new EndpointReconciler(host);
        this.programmed = programmed;
    }

    /**
     * Called once the endpoint's kernel objects exist and its WorkloadEndpoint is written; blocks until every later
     * stage (policy) is in place, or throws.
     */
    @FunctionalInterface
    public interface EndpointProgrammedHook {
        EndpointProgrammedHook NONE = wep -> { };

        void awaitProgrammed(WorkloadEndpoint wep);

        /** The endpoint was deleted (DEL or a failed ADD). */
        default void removed(String namespace, String name) {
        }
    }

    /** Blocks until the written endpoint's policy is programmed (see {@link EndpointProgrammedHook}). */
    public void awaitProgrammed(WorkloadEndpoint wep) {
        programmed.awaitProgrammed(wep);
    }

    public void endpointRemoved(String namespace, String name) {
        programmed.removed(namespace, name);
    }

    /** Wires the endpoint and registers its routes in the same loop turn (else the next pass deletes them). */
    public WiredEndpoint add(EndpointSpec spec) {
        WiredEndpoint wired = loop.call(() -> {
            WiredEndpoint w = wiring.add(spec);
            if (spec.hostRoutes()) {
                spec.addresses().forEach(a -> routes.set(a, spec.hostVethName()));
            }
            track(spec.hostVethName(), true);
            return w;
        });
        return wired;
    }

    /** Idempotent unwire; forgets the endpoint's routes. */
    public void delete(EndpointRef ref) {
        loop.run(() -> {
            routes.removeLink(ref.hostVethName());
            track(ref.hostVethName(), false);
            wiring.delete(ref);
        });
    }

    public CheckReport check(EndpointSpec spec) {
        return loop.call(() -> wiring.check(spec));
    }

    /**
     * Agent start: adopts the endpoints the datastore says live here (veth → its /32 and /128 routes), removes every
     * other workload veth, and converges the host routes. Live endpoints are not touched (no flush on restart).
     */
    public RestoreResult restore(Map<String, Set<IpPrefix>> liveEndpoints) {
        return loop.call(() -> {
            EndpointReconciler.Result veths = reconciler.reconcile(liveEndpoints.keySet());
            liveEndpoints.forEach((veth, addresses) ->
                    addresses.forEach(a -> routes.set(IpPrefix.host(a.address()), veth)));
            veths.kept().forEach(v -> track(v, true));
            return new RestoreResult(veths, routes.reconcile());
        });
    }

    public record RestoreResult(EndpointReconciler.Result veths, ReconcileResult routes) {
    }

    /** Live endpoints on this node (for the metrics gauge; readable from any thread). */
    public int endpointCount() {
        return endpointCount.get();
    }

    private void track(String veth, boolean live) {
        if (live) {
            endpoints.add(veth);
        } else {
            endpoints.remove(veth);
        }
        endpointCount.set(endpoints.size());
    }
}
