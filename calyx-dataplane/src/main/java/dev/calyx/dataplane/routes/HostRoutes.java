package dev.calyx.dataplane.routes;

import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netlink.LinkNames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host's routes to local workloads ({@code 10.244.0.5/32 dev cali12ab34cd56e scope link proto 80}) as a desired
 * set, reconciled against the kernel.
 *
 * <p>Model: {@link #set}/{@link #remove} change only the desired map (cheap, no kernel I/O, Felix's
 * {@code OnUpdate}); {@link #reconcile()} reads the kernel's routes once and converges (Felix's route table
 * {@code Apply}): adds missing routes, replaces owned routes that point elsewhere, deletes owned routes nobody wants.
 * Ownership is the routing protocol ({@link OwnedRoutes#PROTOCOL}) in the main table: a route of any other protocol
 * is never replaced or deleted, even for a destination we want; a missing route whose destination a foreign route
 * holds is reported as a conflict instead. A desired route whose veth does not exist (yet) is reported pending and
 * retried on the next pass; one failing route never stops the others.
 *
 * <p>With CNI ADD: {@code EndpointWiring} programs the same routes (same protocol, built by
 * {@link OwnedRoutes#workloadRoute}) on the ADD path so a pod is reachable before the next pass; the agent must
 * {@link #set} them here in the same event-loop turn, or the next reconcile deletes them as stale. Likewise on DEL,
 * {@link #removeLink} the endpoint's veth.
 *
 * <p>Thread safety: none. Called from the agent's event loop only, like every dataplane manager.
 */
public final class HostRoutes {
    private final RtNetlink netlink;
    private final Map<IpPrefix, String> desired = new LinkedHashMap<>();

    public HostRoutes(RtNetlink netlink) {
        this.netlink = Objects.requireNonNull(netlink, "netlink");
    }

    /** Wants {@code hostPrefix} (a /32 or /128) routed to host veth {@code linkName}. */
    public void set(IpPrefix hostPrefix, String linkName) {
        OwnedRoutes.workloadRoute(hostPrefix, 1); // validates the prefix
        desired.put(hostPrefix, LinkNames.check(linkName));
    }

    /** No longer wants a route to {@code hostPrefix}; the next reconcile deletes ours. */
    public void remove(IpPrefix hostPrefix) {
        desired.remove(hostPrefix);
    }

    /** Forgets every desired route through {@code linkName} (the endpoint went away). */
    public void removeLink(String linkName) {
        desired.values().removeIf(linkName::equals);
    }

    /** The desired routes: destination → host veth name. */
    public Map<IpPrefix, String> desired() {
        return Map.copyOf(desired);
    }

    /** Converges the kernel's owned routes on the desired set; see the class comment. */
    public ReconcileResult reconcile() {
        Map<String, Integer> indexes = netlink.links().stream()
                .collect(Collectors.toMap(Link::name, Link::index, (a, b) -> a));
        Map<IpPrefix, List<Route>> owned = ownedRoutes();
        ReconcileResult.Builder result = new ReconcileResult.Builder();
        Set<Route> keep = new HashSet<>();
        desired.forEach((destination, linkName) -> {
            Integer index = indexes.get(linkName);
            if (index == null) {
                result.pending(destination + " dev " + linkName + ": no such link yet");
                return;
            }
            converge(destination, linkName, index, owned.getOrDefault(destination, List.of()), keep, result);
        });
        owned.values().stream().flatMap(List::stream).filter(r -> !keep.contains(r))
                .forEach(stale -> delete(stale, result));
        return result.build();
    }

    private void converge(IpPrefix destination, String linkName, int index, List<Route> existing, Set<Route> keep,
                          ReconcileResult.Builder result) {
        Route want = OwnedRoutes.workloadRoute(destination, index);
        for (Route route : existing) {
            if (OwnedRoutes.isWorkloadRoute(route, index)) {
                keep.add(route);
                return;
            }
        }
        try {
            if (existing.isEmpty()) {
                netlink.addRoute(want);
                result.added(want);
            } else {
                netlink.replaceRoute(want);
                result.replaced(want);
            }
        } catch (NetlinkException e) {
            String reason = e.isExists() ? "a route not owned by calyx holds this destination" : e.getMessage();
            result.failed(destination + " dev " + linkName + ": " + reason);
        }
    }

    private void delete(Route stale, ReconcileResult.Builder result) {
        try {
            netlink.deleteRoute(stale);
            result.removed(stale);
        } catch (NetlinkException e) {
            if (!e.isNotFound()) {
                result.failed("delete " + stale.destination() + ": " + e.getMessage());
            }
        }
    }

    private Map<IpPrefix, List<Route>> ownedRoutes() {
        Map<IpPrefix, List<Route>> owned = new HashMap<>();
        for (IpFamily family : IpFamily.values()) {
            for (Route route : netlink.routes(family)) {
                if (OwnedRoutes.isOwned(route)) {
                    owned.computeIfAbsent(route.destination(), d -> new ArrayList<>()).add(route);
                }
            }
        }
        return owned;
    }
}
