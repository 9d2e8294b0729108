package dev.calyx.testkit;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.FdbEntry;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Neighbor;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.sys.Errno;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The address, route, neighbour and FDB tables of {@link FakeRtNetlink}, with the kernel's identity rules and
 * errnos: an address is keyed by (link, prefix); a route by (table, destination, metric) for add and EEXIST, while a
 * delete matches like the kernel (fields left at their wildcard, no gateway / device 0 / metric 0, match anything);
 * a neighbour by (link, address, proxy or not); an FDB entry by (link, MAC).
 *
 * <p>Not thread safe on its own: {@link FakeRtNetlink} calls it under its lock.
 */
final class FakeKernelTables {
    final List<Address> addresses = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<Neighbor> neighbors = new ArrayList<>();
    final List<FdbEntry> fdb = new ArrayList<>();

    void addAddress(Address a, String object) {
        if (addresses.stream().anyMatch(sameAddress(a))) {
            throw new NetlinkException("add address", object, Errno.EEXIST);
        }
        addresses.add(a);
    }

    Address deleteAddress(Address a, String object) {
        Address existing = addresses.stream().filter(sameAddress(a)).findFirst()
                .orElseThrow(() -> new NetlinkException("delete address", object, Errno.EADDRNOTAVAIL));
        addresses.remove(existing);
        return existing;
    }

    private static Predicate<Address> sameAddress(Address a) {
        return x -> x.linkIndex() == a.linkIndex() && x.prefix().equals(a.prefix());
    }

    /** Adds or (replace) overwrites; returns the route now in the table. */
    Route putRoute(Route r, boolean replace, String object) {
        Route existing = routes.stream().filter(sameRouteKey(r)).findFirst().orElse(null);
        if (existing != null && !replace) {
            throw new NetlinkException("add route", object, Errno.EEXIST);
        }
        if (existing != null) {
            routes.set(routes.indexOf(existing), r);
        } else {
            routes.add(r);
        }
        return r;
    }

    Route deleteRoute(Route r, String object) {
        Route match = routes.stream().filter(deleteMatch(r)).findFirst()
                .orElseThrow(() -> new NetlinkException("delete route", object, Errno.ESRCH));
        routes.remove(match);
        return match;
    }

    private static Predicate<Route> sameRouteKey(Route r) {
        return x -> x.table() == r.table() && x.destination().equals(r.destination()) && x.metric() == r.metric();
    }

    private static Predicate<Route> deleteMatch(Route r) {
        return x -> x.table() == r.table() && x.destination().equals(r.destination()) && x.type() == r.type()
                && (r.gateway().isEmpty() || r.gateway().equals(x.gateway()))
                && (r.linkIndex() == 0 || r.linkIndex() == x.linkIndex())
                && (r.metric() == 0 || r.metric() == x.metric());
    }

    List<Route> routes(IpFamily family) {
        return routes.stream().filter(r -> r.family() == family).toList();
    }

    void putNeighbor(Neighbor n, boolean replace, String object) {
        Neighbor existing = neighbors.stream().filter(sameNeighbor(n)).findFirst().orElse(null);
        if (existing != null && !replace) {
            throw new NetlinkException("add neighbour", object, Errno.EEXIST);
        }
        neighbors.remove(existing);
        neighbors.add(n);
    }

    void deleteNeighbor(Neighbor n, String object) {
        Neighbor existing = neighbors.stream().filter(sameNeighbor(n)).findFirst()
                .orElseThrow(() -> new NetlinkException("delete neighbour", object, Errno.ENOENT));
        neighbors.remove(existing);
    }

    private static Predicate<Neighbor> sameNeighbor(Neighbor n) {
        return x -> x.linkIndex() == n.linkIndex() && x.address().equals(n.address()) && x.isProxy() == n.isProxy();
    }

    void putFdb(FdbEntry e, boolean replace, String object) {
        FdbEntry existing = fdb.stream().filter(sameFdb(e)).findFirst().orElse(null);
        if (existing != null && !replace) {
            throw new NetlinkException("add fdb entry", object, Errno.EEXIST);
        }
        fdb.remove(existing);
        fdb.add(e);
    }

    void deleteFdb(FdbEntry e, String object) {
        FdbEntry existing = fdb.stream().filter(sameFdb(e))
                .filter(x -> e.destination().isEmpty() || Objects.equals(x.destination(), e.destination()))
                .findFirst().orElseThrow(() -> new NetlinkException("delete fdb entry", object, Errno.ENOENT));
        fdb.remove(existing);
    }

    private static Predicate<FdbEntry> sameFdb(FdbEntry e) {
        return x -> x.linkIndex() == e.linkIndex() && x.mac().equals(e.mac());
    }

    /** What the kernel flushes with a link: its addresses, routes through it, neighbours and FDB entries. */
    List<Route> forgetLink(int index) {
        addresses.removeIf(a -> a.linkIndex() == index);
        neighbors.removeIf(n -> n.linkIndex() == index);
        fdb.removeIf(e -> e.linkIndex() == index);
        List<Route> gone = routes.stream().filter(r -> r.linkIndex() == index).toList();
        routes.removeAll(gone);
        return gone;
    }
}
