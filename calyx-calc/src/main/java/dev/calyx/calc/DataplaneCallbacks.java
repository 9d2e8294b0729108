package dev.calyx.calc;

/**
 * The graph's output, Felix style: one narrow interface the dataplane (the nft policy renderer) implements.
 *
 * <p>Within one {@link CalcGraph#flush()} calls come in dependency order, so a renderer can apply them as they
 * come without dangling references: IP-set updates, policy updates, profile updates, endpoint updates, then
 * endpoint removals, profile removals, policy removals, IP-set removals. Each key is reported at most once per
 * flush and only if its value changed; an update carries the complete new value.
 */
public interface DataplaneCallbacks {
    void ipSetUpdated(IpSet ipSet);

    void ipSetRemoved(String id);

    void policyUpdated(PolicyKey key, ResolvedPolicy policy);

    void policyRemoved(PolicyKey key);

    void profileUpdated(String name, ResolvedPolicy profile);

    void profileRemoved(String name);

    void endpointUpdated(EndpointPolicy endpoint);

    void endpointRemoved(EndpointKey key);
}
