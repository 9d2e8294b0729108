package dev.calyx.cli.install;

import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.dataplane.policy.PolicyNames;
import dev.calyx.dataplane.routes.OwnedRoutes;

import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netlink.RtTable;
import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftException;
import dev.calyx.kernel.nft.NftTable;
import dev.calyx.kernel.nft.NftTransaction;
import dev.calyx.kernel.sys.Errno;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * calyx's objects in one network namespace's kernel state: routes with calyx's protocol number (80, the number
 * Felix stamps), workload veths ({@code cali*}), the tunnel devices, and the {@code inet calyx} nft table.
 *
 * <p>Design: {@link #find()} is the single definition of "a trace of calyx" and is used both to remove and to
 * verify afterwards, so the verification cannot disagree with the removal about what counts. Everything else in
 * the namespace (routes of other protocols, other tables, other links) is never touched. Routes go before links
 * because deleting a veth takes its routes with it: a route already gone is not an error.
 */
public final class KernelTraces {
    /** The names come from the code that creates these objects, so uninstall cannot drift from it. */
    public static final int CALYX_ROUTE_PROTOCOL = OwnedRoutes.PROTOCOL;
    public static final NftTable NFT_TABLE = PolicyNames.TABLE;
    static final Set<String> TUNNEL_LINKS = Set.of(VethNames.VXLAN_DEVICE, VethNames.VXLAN_V6_DEVICE,
            VethNames.IPIP_DEVICE, VethNames.WIREGUARD_DEVICE, VethNames.WIREGUARD_V6_DEVICE);

    /** One kernel object calyx owns, with how to remove it. */
    public sealed interface Trace {
        String describe();
    }

    public record OwnedRoute(Route route, String device) implements Trace {
        @Override
        public String describe() {
            return "route " + route.destination() + (device.isEmpty() ? "" : " dev " + device) + " proto "
                    + route.protocol() + (route.table() == RtTable.MAIN ? "" : " table " + route.table());
        }
    }

    public record OwnedLink(String name, String kind) implements Trace {
        @Override
        public String describe() {
            return "link " + name + (kind.isEmpty() ? "" : " (" + kind + ")");
        }
    }

    public record OwnedTable(NftTable table) implements Trace {
        @Override
        public String describe() {
            return "nft table " + table.spec();
        }
    }

    private final RtNetlink netlink;
    private final NftBackend nft;

    public KernelTraces(RtNetlink netlink, NftBackend nft) {
        this.netlink = netlink;
        this.nft = nft;
    }

    public static boolean isCalyxLink(String name) {
        return VethNames.isWorkloadVeth(name) || TUNNEL_LINKS.contains(name);
    }

    public List<Trace> find() {
        List<Trace> traces = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        List<Link> links = netlink.links();
        for (Link l : links) {
            names.put(l.index(), l.name());
        }
        for (IpFamily family : IpFamily.values()) {
            for (Route r : netlink.routes(family)) {
                if (r.protocol() == CALYX_ROUTE_PROTOCOL) {
                    traces.add(new OwnedRoute(r, names.getOrDefault(r.linkIndex(), "")));
                }
            }
        }
        for (Link l : links) {
            if (isCalyxLink(l.name())) {
                traces.add(new OwnedLink(l.name(), l.kind()));
            }
        }
        if (nft.listTables().contains(NFT_TABLE)) {
            traces.add(new OwnedTable(NFT_TABLE));
        }
        return traces;
    }

    /** Removes every trace; returns what was removed, and adds a message per failure to {@code failures}. */
    public List<Trace> removeAll(List<String> failures) {
        List<Trace> removed = new ArrayList<>();
        for (Trace t : find()) {
            try {
                switch (t) {
                    case OwnedRoute r -> netlink.deleteRoute(r.route());
                    case OwnedLink l -> netlink.deleteLink(l.name());
                    case OwnedTable tb -> nft.apply(new NftTransaction().deleteTableIfExists(tb.table()));
                }
                removed.add(t);
            } catch (NetlinkException e) {
                if (gone(e)) {
                    removed.add(t); // went with its veth, or removed concurrently: the goal is met
                } else {
                    failures.add("remove " + t.describe() + ": " + e.getMessage());
                }
            } catch (NftException e) {
                failures.add("remove " + t.describe() + ": " + e.getMessage());
            }
        }
        return removed;
    }

    private static boolean gone(NetlinkException e) {
        return e.errno() == Errno.ESRCH || e.errno() == Errno.ENODEV || e.errno() == Errno.ENOENT;
    }
}
