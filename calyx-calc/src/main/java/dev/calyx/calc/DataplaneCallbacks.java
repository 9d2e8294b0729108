package dev.calyx.calc;

/**
 * The graph's output, Felix style: one narrow interface the dataplane (the nft policy renderer) implements.
 *
 * <p>Within one {@link CalcGraph#flush()} calls come in dependency order, so a renderer can apply them as they
 * come without dangling references: IP-set updates, policy updates, profile updates, endpoint updates, then
 * endpoint removals, profile removals, policy removals, IP-set removals. Each key is reported at most once per
 * flush and only if its value changed. Updates carry complete values, except IP-set members: a set that is new
 * (or was reset) comes whole through {@link #ipSetUpdated}, and later changes to it come as deltas through
 * {@link #ipSetMembersChanged}, so a renderer adds and deletes elements instead of rewriting big sets.
 */
public interface DataplaneCallbacks {
    void ipSetUpdated(IpSet ipSet);

    /** Members that joined and left an already reported set since the last flush (sorted, disjoint). */
    void ipSetMembersChanged(String id, java.util.List<IpSetMember> added, java.util.List<IpSetMember> removed);

    void ipSetRemoved(String id);

    void policyUpdated(PolicyKey key, ResolvedPolicy policy);

    void policyRemoved(PolicyKey key);

    void profileUpdated(String name, ResolvedPolicy profile);

    void profileRemoved(String name);

    void endpointUpdated(EndpointPolicy endpoint);

    void endpointRemoved(EndpointKey key);
}
