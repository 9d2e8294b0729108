package dev.calyx.agent.node;

import dev.calyx.dataplane.routes.OwnedRoutes;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.ipam.Cidr;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.model.IPPool;
import dev.calyx.model.Kind;
import dev.calyx.model.ObjectMeta;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A first pool for a fresh datastore, so {@code calyx node run} on a new host can serve ADD at once (Calico's
 * calico-node creates {@code default-ipv4-ippool} the same way). Nothing happens when any IPPool exists.
 *
 * <p>The default 10.244.0.0/16 is skipped when a route in the node's namespace overlaps it (a LAN or VPN using
 * that range): the next free /16 of 10.244-10.255 is taken and the log says which route was in the way. A pool the
 * user asked for with {@code --default-pool} is taken as given.
 */
public final class DefaultPool {
    public static final String NAME = "default-ipv4-ippool";
    public static final String DEFAULT_CIDR = "10.244.0.0/16";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultPool.class);
    private static final int FIRST_SECOND_OCTET = 244;
    private static final int LAST_SECOND_OCTET = 255;

    /**
     * The first free candidate, and the first candidate skipped with the route it overlapped (for the message).
     */
    public record Choice(Cidr pool, Optional<Cidr> skipped, Optional<Cidr> overlappingRoute) {}

    private DefaultPool() {
    }

    /** Creates the pool if the store has none; returns the CIDR created, empty when pools existed. */
    public static Optional<String> ensure(Resources resources, Optional<String> requested, RtNetlink host) {
        if (!resources.list(Kind.IP_POOL, null).isEmpty()) {
            return Optional.empty();
        }
        String cidr = requested.orElseGet(() -> freeDefault(host));
        resources.apply(new IPPool(ObjectMeta.named(NAME), new IPPool.Spec(cidr, "Never", "Never", true, false, null,
                null, null, null, null, null, null, null), null));
        LOG.info("no IPPool in the datastore: created {} with {}", NAME, cidr);
        return Optional.of(cidr);
    }

    static String freeDefault(RtNetlink host) {
        List<Cidr> routes = host.routes(IpFamily.V4).stream()
                .filter(r -> r.protocol() != OwnedRoutes.PROTOCOL)
                .map(DefaultPool::cidr).toList();
        Choice choice = firstFree(routes).orElseThrow(() -> new IllegalStateException("every /16 from 10.244.0.0 "
                + "to 10.255.0.0 overlaps a route on this node; pass --default-pool CIDR or create an IPPool"));
        choice.skipped().ifPresent(skipped -> LOG.warn("default pool candidate {} overlaps the route to {} in the "
                + "node's namespace; using {}", skipped, choice.overlappingRoute().orElseThrow(), choice.pool()));
        return choice.pool().toString();
    }

    /**
     * The single rule for a default pool, shared by the agent and quickstart: 10.244.0.0/16 (Calico's and
     * kubeadm's usual pod CIDR), else the next /16 up to 10.255.0.0/16 that no route overlaps. Default routes
     * overlap everything by definition and are ignored. Empty when every candidate is taken.
     */
    public static Optional<Choice> firstFree(List<Cidr> routes) {
        List<Cidr> specific = routes.stream().filter(r -> r.prefix() > 0).toList();
        Optional<Cidr> skipped = Optional.empty();
        Optional<Cidr> overlapping = Optional.empty();
        for (int second = FIRST_SECOND_OCTET; second <= LAST_SECOND_OCTET; second++) {
            Cidr candidate = Cidr.parse("10." + second + ".0.0/16");
            Optional<Cidr> clash = specific.stream().filter(candidate::overlaps).findFirst();
            if (clash.isEmpty()) {
                return Optional.of(new Choice(candidate, skipped, overlapping));
            }
            if (skipped.isEmpty()) {
                skipped = Optional.of(candidate);
                overlapping = clash;
            }
        }
        return Optional.empty();
    }

    private static Cidr cidr(Route r) {
        return Cidr.parse(r.destination().network().toString());
    }
}
