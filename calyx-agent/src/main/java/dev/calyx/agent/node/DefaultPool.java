package dev.calyx.agent.node;

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
    private static final int OWN_ROUTE_PROTOCOL = 80;

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
                .filter(r -> r.destination().length() > 0 && r.protocol() != OWN_ROUTE_PROTOCOL)
                .map(DefaultPool::cidr).toList();
        for (int second = 244; second <= 255; second++) {
            Cidr candidate = Cidr.parse("10." + second + ".0.0/16");
            Optional<Cidr> clash = routes.stream().filter(candidate::overlaps).findFirst();
            if (clash.isEmpty()) {
                return candidate.toString();
            }
            LOG.warn("default pool candidate {} overlaps the route to {} in the node's namespace; trying the next /16",
                    candidate, clash.get());
        }
        throw new IllegalStateException("every /16 from 10.244.0.0 to 10.255.0.0 overlaps a route on this node; "
                + "pass --default-pool CIDR or create an IPPool");
    }

    private static Cidr cidr(Route r) {
        return Cidr.parse(r.destination().network().toString());
    }
}
