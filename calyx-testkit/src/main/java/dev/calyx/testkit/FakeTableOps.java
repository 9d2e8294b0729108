package dev.calyx.testkit;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.FdbEntry;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Neighbor;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RouteType;
import dev.calyx.kernel.netlink.RtEvent;
import dev.calyx.kernel.sys.Errno;

import java.util.List;

/**
 * The address/route/neighbour/FDB operations of {@link FakeRtNetlink}: count the call, apply injected failures,
 * check the link the object hangs on (ENODEV, or ENETDOWN for a unicast route through a down link), then update
 * {@link FakeKernelTables} and announce the change. Called under the fake's lock.
 */
final class FakeTableOps {
    private final FakeLinks fake;
    private final FakeKernelTables tables;
    private final FakeCalls calls;
    private final FakeEvents events;

    FakeTableOps(FakeLinks fake, FakeKernelTables tables, FakeCalls calls, FakeEvents events) {
        this.fake = fake;
        this.tables = tables;
        this.calls = calls;
        this.events = events;
    }

    List<Address> addresses(int linkIndex) {
        calls.begin(FakeOp.ADDRESSES, "list addresses", "in fake");
        return tables.addresses.stream().filter(a -> linkIndex == 0 || a.linkIndex() == linkIndex).toList();
    }

    void addAddress(Address a) {
        String object = a.prefix() + " dev " + fake.nameOf(a.linkIndex());
        calls.begin(FakeOp.ADD_ADDRESS, "add address", object);
        requireLink("add address", object, a.linkIndex());
        tables.addAddress(a, object);
        events.emit(new RtEvent.AddressUpdate(a, false));
    }

    void deleteAddress(Address a) {
        String object = a.prefix() + " dev " + fake.nameOf(a.linkIndex());
        calls.begin(FakeOp.DELETE_ADDRESS, "delete address", object);
        events.emit(new RtEvent.AddressUpdate(tables.deleteAddress(a, object), true));
    }

    List<Route> routes(IpFamily family) {
        calls.begin(FakeOp.ROUTES, "list routes", family + " in fake");
        return tables.routes(family);
    }

    void putRoute(FakeOp op, Route r, boolean replace) {
        String operation = replace ? "replace route" : "add route";
        String object = describe(r);
        calls.begin(op, operation, object);
        if (r.linkIndex() != 0) {
            requireLink(operation, object, r.linkIndex());
            if (r.type() == RouteType.UNICAST && !fake.isUp(r.linkIndex())) {
                throw new NetlinkException(operation, object, Errno.ENETDOWN, "Nexthop device is not up");
            }
        }
        events.emit(new RtEvent.RouteUpdate(tables.putRoute(r, replace, object), false));
    }

    void deleteRoute(Route r) {
        String object = describe(r);
        calls.begin(FakeOp.DELETE_ROUTE, "delete route", object);
        events.emit(new RtEvent.RouteUpdate(tables.deleteRoute(r, object), true));
    }

    List<Neighbor> neighbors(IpFamily family) {
        calls.begin(FakeOp.NEIGHBORS, "list neighbours", family + " in fake");
        return tables.neighbors.stream().filter(n -> n.family() == family).toList();
    }

    void putNeighbor(FakeOp op, Neighbor n, boolean replace) {
        String operation = replace ? "replace neighbour" : "add neighbour";
        String object = n.address().getHostAddress() + " dev " + fake.nameOf(n.linkIndex());
        calls.begin(op, operation, object);
        requireLink(operation, object, n.linkIndex());
        tables.putNeighbor(n, replace, object);
    }

    void deleteNeighbor(Neighbor n) {
        String object = n.address().getHostAddress() + " dev " + fake.nameOf(n.linkIndex());
        calls.begin(FakeOp.DELETE_NEIGHBOR, "delete neighbour", object);
        tables.deleteNeighbor(n, object);
    }

    List<FdbEntry> fdbEntries(int linkIndex) {
        calls.begin(FakeOp.FDB_ENTRIES, "list fdb", "dev " + fake.nameOf(linkIndex));
        return tables.fdb.stream().filter(e -> e.linkIndex() == linkIndex).toList();
    }

    void putFdb(FakeOp op, FdbEntry e, boolean replace) {
        String operation = replace ? "replace fdb entry" : "add fdb entry";
        String object = e.mac() + " dev " + fake.nameOf(e.linkIndex());
        calls.begin(op, operation, object);
        requireLink(operation, object, e.linkIndex());
        tables.putFdb(e, replace, object);
    }

    void deleteFdb(FdbEntry e) {
        String object = e.mac() + " dev " + fake.nameOf(e.linkIndex());
        calls.begin(FakeOp.DELETE_FDB_ENTRY, "delete fdb entry", object);
        tables.deleteFdb(e, object);
    }

    private void requireLink(String operation, String object, int index) {
        if (!fake.exists(index)) {
            throw new NetlinkException(operation, object, Errno.ENODEV);
        }
    }

    private String describe(Route r) {
        StringBuilder s = new StringBuilder();
        if (r.type() != RouteType.UNICAST) {
            s.append(r.type().name().toLowerCase()).append(' ');
        }
        s.append(r.destination());
        r.gateway().ifPresent(gw -> s.append(" via ").append(gw.getHostAddress()));
        if (r.linkIndex() > 0) {
            s.append(" dev ").append(fake.nameOf(r.linkIndex()));
        }
        return s.toString();
    }
}
