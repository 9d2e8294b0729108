package dev.calyx.cli.install;

import dev.calyx.agent.node.DefaultPool;
import dev.calyx.ipam.Cidr;
import dev.calyx.preflight.IpPrefix;
import java.util.List;
import java.util.Optional;

/**
 * Quickstart's default pool, chosen by the agent's own rule ({@link DefaultPool#firstFree}) so quickstart shows
 * exactly the pool a bare {@code calyx node run} would create, with the reason when 10.244.0.0/16 was skipped.
 */
public record PoolChoice(IpPrefix pool, Optional<String> reason) {
    public static PoolChoice pick(List<IpPrefix> hostRoutes) {
        List<Cidr> routes = hostRoutes.stream().map(r -> Cidr.parse(r.toString())).toList();
        DefaultPool.Choice choice = DefaultPool.firstFree(routes).orElseThrow(() -> new IllegalStateException(
                "no free pool: every /16 from 10.244.0.0 to 10.255.0.0 overlaps a host route; pass --pool CIDR"));
        IpPrefix pool = IpPrefix.parse(choice.pool().toString());
        Optional<String> reason = choice.skipped().map(skipped -> skipped + " overlaps the host route "
                + choice.overlappingRoute().orElseThrow() + "; using " + pool);
        return new PoolChoice(pool, reason);
    }
}
