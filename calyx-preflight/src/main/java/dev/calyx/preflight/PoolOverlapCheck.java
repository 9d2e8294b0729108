package dev.calyx.preflight;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A pod pool that overlaps the host's own networks (an address, a route, the Kubernetes service range, another
 * pool) makes pod traffic and host traffic indistinguishable: packets to pods leave by the wrong interface or
 * never leave. One row per pool, plus one for the datastore when pools are read from it.
 *
 * <p>Not counted as conflicts: default routes (they "overlap" everything), routes on calyx's own interfaces, and
 * blackhole routes inside a pool (calyx's block routes once the agent runs).
 */
public final class PoolOverlapCheck implements Check {
    static final Set<String> OUR_DEVICES = Set.of("tunl0", "vxlan.calico", "vxlan-v6.calico", "wireguard.cali",
            "wg-v6.cali");

    @Override
    public String name() {
        return "pools";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        List<CheckResult> out = new ArrayList<>();
        List<PoolSource.Pool> fromStore = List.of();
        if (ctx.datastore().isPresent()) {
            DatastoreRead read = readDatastore(ctx.datastore().get(), ctx);
            out.add(read.row());
            fromStore = read.pools();
        }
        HostNetwork net = HostNetworkReader.forContext(ctx).read();
        List<PoolSource.Pool> pools = PoolSource.combine(ctx.pools(), fromStore);
        for (PoolSource.Pool pool : pools) {
            out.add(evaluate(pool, pools, net, ctx));
        }
        return out;
    }

    record DatastoreRead(CheckResult row, List<PoolSource.Pool> pools) {}

    /**
     * Reads the IPPools of a datastore. An embedded database that does not exist yet is not opened: opening would
     * create it, and a preflight must leave the host as it found it.
     */
    static DatastoreRead readDatastore(String spec, PreflightContext ctx) {
        String fix = "fix --datastore (embedded:PATH or etcd:URL[,URL...]) or start the datastore";
        try {
            DatastoreConfig cfg = DatastoreConfig.parse(spec).withTimeout(ctx.timeout());
            if (cfg.scheme().equals("embedded") && !Files.exists(Path.of(cfg.locations().getFirst()))) {
                return new DatastoreRead(CheckResult.pass("datastore", spec + ": database not created yet, so no "
                        + "IPPools (calyx creates it at install)"), List.of());
            }
            try (KvStore store = KvStores.open(cfg)) {
                List<PoolSource.Pool> pools = PoolSource.fromDatastore(store);
                return new DatastoreRead(CheckResult.pass("datastore", store.describe() + ": " + pools.size()
                        + " IPPool(s)"), pools);
            }
        } catch (RuntimeException e) {
            return new DatastoreRead(CheckResult.fail("datastore", "datastore " + spec + ": " + e.getMessage(), fix),
                    List.of());
        }
    }

    static CheckResult evaluate(PoolSource.Pool pool, List<PoolSource.Pool> all, HostNetwork net,
                                PreflightContext ctx) {
        IpPrefix cidr = pool.cidr();
        List<String> conflicts = new ArrayList<>();
        for (HostNetwork.Address a : net.addresses()) {
            if (a.subnet().overlaps(cidr)) {
                conflicts.add("address " + a.address() + "/" + a.subnet().length() + " on " + a.ifname());
            }
        }
        for (HostNetwork.Route r : net.routes()) {
            if (!ignorable(r, cidr) && r.dst().overlaps(cidr)) {
                conflicts.add("route " + r.dst() + (r.dev().isEmpty() ? " (" + r.type() + ")" : " dev " + r.dev()));
            }
        }
        ctx.serviceCidr().filter(s -> s.overlaps(cidr)).ifPresent(s -> conflicts.add("service CIDR " + s));
        for (PoolSource.Pool other : all) {
            if (other != pool && other.cidr().overlaps(cidr)) {
                conflicts.add("pool " + other.cidr() + " (" + other.origin() + ")");
            }
        }
        String name = "pool " + cidr;
        String origin = pool.origin() + (pool.disabled() ? ", disabled" : "");
        if (conflicts.isEmpty()) {
            return CheckResult.pass(name, "(" + origin + ") no overlap with " + net.addresses().size()
                    + " host addresses, " + net.routes().size() + " routes"
                    + ctx.serviceCidr().map(s -> ", service CIDR " + s).orElse("") + ", other pools");
        }
        String evidence = "(" + origin + ") overlaps " + String.join(", ", conflicts);
        String fix = "choose a pool that overlaps none of these" + suggestion(cidr, all, net, ctx);
        return pool.disabled() ? CheckResult.warn(name, evidence, fix) : CheckResult.fail(name, evidence, fix);
    }

    private static boolean ignorable(HostNetwork.Route r, IpPrefix pool) {
        return r.isDefault() || r.dev().startsWith("cali") || OUR_DEVICES.contains(r.dev())
                || (r.type().equals("blackhole") && pool.contains(r.dst()));
    }

    /** A free IPv4 range of the same size inside 10.0.0.0/8, so the fix is one copy-paste away. */
    private static String suggestion(IpPrefix cidr, List<PoolSource.Pool> all, HostNetwork net,
                                     PreflightContext ctx) {
        if (!cidr.isIpv4() || cidr.length() < 8) {
            return "";
        }
        for (int second = 244; second != 243; second = (second + 1) % 256) {
            IpPrefix candidate = IpPrefix.of("10." + second + ".0.0", cidr.length());
            boolean free = net.addresses().stream().noneMatch(a -> a.subnet().overlaps(candidate))
                    && net.routes().stream().noneMatch(r -> !r.isDefault() && r.dst().overlaps(candidate))
                    && all.stream().noneMatch(p -> p.cidr().overlaps(candidate))
                    && ctx.serviceCidr().filter(s -> s.overlaps(candidate)).isEmpty();
            if (free) {
                return ", e.g. --pool " + candidate;
            }
        }
        return "";
    }
}
