package dev.calyx.dataplane.policy;

import dev.calyx.calc.DataplaneCallbacks;
import dev.calyx.calc.EndpointKey;
import dev.calyx.calc.EndpointPolicy;
import dev.calyx.calc.IpSet;
import dev.calyx.calc.IpSetMember;
import dev.calyx.calc.PolicyKey;
import dev.calyx.calc.ResolvedPolicy;
import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftTransaction;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the {@code inet calyx} table equal to the calc graph's desired state.
 *
 * <p>Model: the calc graph calls the {@link DataplaneCallbacks} methods (during {@code CalcGraph.flush()}); each
 * call re-renders only the objects of the key it names ({@link PolicyRenderer}) into the desired
 * {@link TableState} and records their names as dirty. {@link #apply()} diffs desired against last-applied for the
 * dirty names only ({@link TableDiff}) and hands the backend ONE transaction, so a pass costs what changed, not
 * what exists, and the kernel never sees half of a pass. IP-set deltas become element adds/deletes; an endpoint
 * added touches only its two chains and two dispatch-map entries. Applied state changes only after the backend
 * succeeded; on failure everything stays dirty and the next {@code apply()} retries.
 *
 * <p>{@link #resync()} lists the table, replaces the applied picture with what the kernel really holds (missing
 * chains and sets forgotten, chains whose rule count differs marked stale, set and map elements as listed, foreign
 * objects in our table recorded so that they are deleted) and applies the repair. Rule text is not compared (nft
 * re-spells statements when listing); a rule edited in place with the same count survives until the chain next
 * changes.
 *
 * <p>Thread safety: none. All calls (callbacks, apply, resync, isProgrammed) come from the agent's single event
 * loop thread.
 */
public final class PolicyManager implements DataplaneCallbacks {
    private final NftBackend backend;
    private final TableState desired = new TableState();
    private final TableState applied = new TableState();
    private final TableState.Dirty dirty = new TableState.Dirty();
    private final Map<EndpointKey, String> endpointInterfaces = new HashMap<>();
    private final Set<EndpointKey> pendingEndpoints = new HashSet<>();
    private final Set<EndpointKey> programmed = new HashSet<>();
    private final Map<PolicyKey, ResolvedPolicy> policies = new HashMap<>();
    private final Map<String, ResolvedPolicy> profiles = new HashMap<>();
    private final Map<String, Set<IpSetMember>> namedPortMembers = new HashMap<>();
    private final NamedPortGroups.Lookup namedPorts = NamedPortGroups.Lookup.of(namedPortMembers);
    private boolean bootstrap = true;

    public PolicyManager(NftBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        putChains(PolicyRenderer.baseChains());
    }

    /** IP pools for NAT outgoing; an empty list removes the NAT chain. Applied on the next {@link #apply()}. */
    public void setNatPools(List<NatPool> pools) {
        if (pools.isEmpty()) {
            NatRenderer.chain().keySet().forEach(this::removeChain);
            NatRenderer.sets(List.of()).keySet().forEach(this::removeSet);
            return;
        }
        NatRenderer.sets(pools).values().forEach(this::putSet);
        putChains(NatRenderer.chain());
    }

    /** Applies every pending change as one transaction; returns the transaction (empty when nothing changed). */
    public NftTransaction apply() {
        NftTransaction tx = TableDiff.plan(desired, applied, dirty, bootstrap);
        backend.apply(tx);
        applied.copyFrom(desired, dirty);
        dirty.clear();
        bootstrap = false;
        programmed.addAll(pendingEndpoints);
        pendingEndpoints.clear();
        return tx;
    }

    /** Lists the table and repairs whatever differs from what we applied; returns the repair transaction. */
    public NftTransaction resync() {
        var listed = backend.list(PolicyNames.TABLE);
        if (listed.isEmpty()) {
            applied.clear();
            bootstrap = true;
        } else {
            bootstrap |= KernelPicture.read(listed.get(), applied);
        }
        dirty.addAll(desired);
        dirty.addAll(applied);
        return apply();
    }

    /**
     * Deletes the whole table (agent uninstall). Desired state is kept: a later {@link #apply()} programs it all
     * again. Endpoints count as not programmed until then.
     */
    public void uninstall() {
        backend.apply(new NftTransaction().deleteTableIfExists(PolicyNames.TABLE));
        applied.clear();
        bootstrap = true;
        dirty.addAll(desired);
        pendingEndpoints.addAll(programmed);
        programmed.clear();
    }

    /** True once a successful transaction held this endpoint's chains and dispatch entries. */
    public boolean isProgrammed(EndpointKey key) {
        return programmed.contains(key);
    }

    /** Whether calls since the last apply left anything to do. */
    public boolean hasPendingChanges() {
        return !dirty.isEmpty();
    }

    /** What we last applied (for tests, diagnostics and object counts). */
    public RenderedTable appliedTable() {
        return applied.snapshot();
    }

    @Override
    public void ipSetUpdated(IpSet ipSet) {
        if (ipSet.namedPort()) {
            replaceNamedPortSet(ipSet.id(), new java.util.TreeSet<>(ipSet.members()));
        } else {
            PolicyRenderer.ipSets(ipSet).values().forEach(this::putSet);
        }
    }

    @Override
    public void ipSetMembersChanged(String id, List<IpSetMember> added, List<IpSetMember> removed) {
        Set<IpSetMember> named = namedPortMembers.get(id);
        if (named != null) {
            var members = new java.util.TreeSet<>(named);
            members.removeAll(removed);
            members.addAll(added);
            replaceNamedPortSet(id, members);
            return;
        }
        String n4 = PolicyNames.ipSet(id, false);
        String n6 = PolicyNames.ipSet(id, true);
        Set<String> v4 = desired.elements.get(n4);
        Set<String> v6 = desired.elements.get(n6);
        if (v4 == null || v6 == null) {
            throw new IllegalStateException("ip set " + id + ": members changed before the set was reported");
        }
        Set<String> gone4 = new HashSet<>();
        Set<String> gone6 = new HashSet<>();
        removed.forEach(m -> PolicyRenderer.addMember(n4, m.net(), gone4, gone6));
        v4.removeAll(gone4);
        v6.removeAll(gone6);
        added.forEach(m -> PolicyRenderer.addMember(n4, m.net(), v4, v6));
        dirty.sets.add(n4);
        dirty.sets.add(n6);
    }

    @Override
    public void ipSetRemoved(String id) {
        Set<IpSetMember> named = namedPortMembers.remove(id);
        if (named != null) {
            NamedPortGroups.sets(id, named).keySet().forEach(this::removeSet);
            return;
        }
        removeSet(PolicyNames.ipSet(id, false));
        removeSet(PolicyNames.ipSet(id, true));
    }

    @Override
    public void policyUpdated(PolicyKey key, ResolvedPolicy policy) {
        policies.put(key, policy);
        putChains(PolicyRenderer.policyChains(key, policy, namedPorts));
    }

    @Override
    public void policyRemoved(PolicyKey key) {
        policies.remove(key);
        removeChain(PolicyNames.policyChain(key, true));
        removeChain(PolicyNames.policyChain(key, false));
    }

    @Override
    public void profileUpdated(String name, ResolvedPolicy profile) {
        profiles.put(name, profile);
        putChains(PolicyRenderer.profileChains(name, profile, namedPorts));
    }

    @Override
    public void profileRemoved(String name) {
        profiles.remove(name);
        removeChain(PolicyNames.profileChain(name, true));
        removeChain(PolicyNames.profileChain(name, false));
    }

    @Override
    public void endpointUpdated(EndpointPolicy endpoint) {
        if (!PolicyRenderer.rendered(endpoint)) {
            return;
        }
        putChains(PolicyRenderer.endpointChains(endpoint));
        String iface = endpoint.interfaceName();
        String old = iface == null ? endpointInterfaces.remove(endpoint.key())
                : endpointInterfaces.put(endpoint.key(), iface);
        if (old != null && !old.equals(iface)) {
            removeDispatch(old);
        }
        if (iface != null) {
            desired.fromWorkload.put(iface, PolicyNames.fromWorkloadChain(endpoint.key()));
            desired.toWorkload.put(iface, PolicyNames.toWorkloadChain(endpoint.key()));
            dirty.from.add(iface);
            dirty.to.add(iface);
        }
        if (!programmed.contains(endpoint.key())) {
            pendingEndpoints.add(endpoint.key());
        }
    }

    @Override
    public void endpointRemoved(EndpointKey key) {
        String iface = endpointInterfaces.remove(key);
        if (iface != null) {
            removeDispatch(iface);
        }
        removeChain(PolicyNames.fromWorkloadChain(key));
        removeChain(PolicyNames.toWorkloadChain(key));
        programmed.remove(key);
        pendingEndpoints.remove(key);
    }

    /** Replaces a named-port set's group sets; re-renders its users when a whole (protocol, port) group changed. */
    private void replaceNamedPortSet(String id, Set<IpSetMember> members) {
        Set<IpSetMember> old = namedPortMembers.getOrDefault(id, Set.of());
        var before = NamedPortGroups.sets(id, old);
        var after = NamedPortGroups.sets(id, members);
        before.keySet().stream().filter(n -> !after.containsKey(n)).forEach(this::removeSet);
        after.values().forEach(this::putSet);
        namedPortMembers.put(id, members);
        if (!before.keySet().equals(after.keySet())) {
            policies.forEach((k, p) -> {
                if (usesNamedPortSet(p, id)) {
                    putChains(PolicyRenderer.policyChains(k, p, namedPorts));
                }
            });
            profiles.forEach((k, p) -> {
                if (usesNamedPortSet(p, id)) {
                    putChains(PolicyRenderer.profileChains(k, p, namedPorts));
                }
            });
        }
    }

    private static boolean usesNamedPortSet(ResolvedPolicy p, String id) {
        return java.util.stream.Stream.concat(p.ingress().stream(), p.egress().stream())
                .anyMatch(r -> r.source().namedPortIpSetIds().contains(id)
                        || r.destination().namedPortIpSetIds().contains(id));
    }

    private void removeDispatch(String iface) {
        desired.fromWorkload.remove(iface);
        desired.toWorkload.remove(iface);
        dirty.from.add(iface);
        dirty.to.add(iface);
    }

    private void putChains(Map<String, ChainDef> chains) {
        desired.chains.putAll(chains);
        dirty.chains.addAll(chains.keySet());
    }

    private void removeChain(String name) {
        desired.chains.remove(name);
        dirty.chains.add(name);
    }

    private void putSet(SetDef set) {
        desired.putSet(set);
        dirty.sets.add(set.spec().name());
    }

    private void removeSet(String name) {
        desired.removeSet(name);
        dirty.sets.add(name);
    }
}
