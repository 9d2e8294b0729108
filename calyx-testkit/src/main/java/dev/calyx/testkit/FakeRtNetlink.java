package dev.calyx.testkit;

import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.EventGroup;
import dev.calyx.kernel.netlink.FdbEntry;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.MacAddress;
import dev.calyx.kernel.netlink.Neighbor;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtEvent;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.kernel.netlink.Subscription;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netlink.VxlanSpec;
import dev.calyx.kernel.netns.Netns;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An in-memory {@link RtNetlink} for unit tests of the layers above (CNI plugin, dataplane managers), in the spirit
 * of felix's {@code MockNetlinkDataplane}.
 *
 * <p>Model: one namespace with {@code lo} (index 1, up); new links get the next free ifindex. Kernel-like semantics
 * where callers depend on them: EEXIST on duplicate links, addresses, routes, neighbours and FDB entries; ENODEV for
 * unknown links, EADDRNOTAVAIL/ESRCH/ENOENT for deletes of missing addresses/routes/neighbours; ENETDOWN for a
 * unicast route through a link that is down (the kernel refuses those too); deleting a link flushes what hung on it.
 * A veth peer created in another namespace is not in this fake's tables; {@link #peerNamespace} tells where it went.
 *
 * <p>Instrumentation: {@link #calls(FakeOp)} counts every call (failed ones too); {@link #failNext(FakeOp, int)}
 * queues an errno for the next call of an operation, before it touches any state. Events are delivered
 * synchronously, on the mutating thread, to subscribers (the real one uses its own thread).
 *
 * <p>Thread safety: all methods synchronize on this object.
 */
public final class FakeRtNetlink implements RtNetlink {
    private final FakeCalls calls = new FakeCalls();
    private final FakeKernelTables tables = new FakeKernelTables();
    private final FakeEvents events = new FakeEvents();
    private final FakeLinks links = new FakeLinks(tables, events);
    private final FakeTableOps ops = new FakeTableOps(links, tables, calls, events);

    // ---- instrumentation ----

    /** The next call of {@code op} fails with {@code errno} (queued: call twice to fail twice). */
    public synchronized void failNext(FakeOp op, int errno) {
        calls.failNext(op, errno);
    }

    public synchronized int calls(FakeOp op) {
        return calls.count(op);
    }

    /** Calls of operations that change state, failed ones included. */
    public synchronized int mutatingCalls() {
        return calls.mutating();
    }

    public synchronized void resetCalls() {
        calls.reset();
    }

    /** Where the peer of veth {@code name} was created, when it went to another namespace. */
    public synchronized Optional<String> peerNamespace(String name) {
        return links.peerNamespace(name);
    }

    /** Delivers {@code event} to subscribers as if the kernel had announced it. */
    public void emit(RtEvent event) {
        events.emit(event);
    }

    // ---- links: state and rules in FakeLinks ----

    @Override
    public synchronized List<Link> links() {
        calls.begin(FakeOp.LINKS, "list links", "in fake");
        return links.all();
    }

    @Override
    public synchronized Optional<Link> linkByName(String name) {
        calls.begin(FakeOp.LINK_BY_NAME, "get link", name);
        return links.find(name);
    }

    @Override
    public synchronized Optional<Link> linkByIndex(int index) {
        calls.begin(FakeOp.LINK_BY_INDEX, "get link", "ifindex " + index);
        return links.find(index);
    }

    @Override
    public synchronized void addVeth(VethSpec spec) {
        String object = spec.name() + " peer " + spec.peerName() + spec.peerNetns().map(ns -> " in " + ns).orElse("");
        calls.begin(FakeOp.ADD_VETH, "add veth", object);
        links.addVeth(spec, object);
    }

    @Override
    public synchronized void addVxlan(VxlanSpec spec) {
        String object = spec.name() + " id " + spec.vni();
        calls.begin(FakeOp.ADD_VXLAN, "add vxlan", object);
        links.addVxlan(spec, object);
    }

    @Override
    public synchronized void deleteLink(String name) {
        calls.begin(FakeOp.DELETE_LINK, "delete link", name);
        links.delete(name);
    }

    @Override
    public synchronized void setLinkUp(String name) {
        calls.begin(FakeOp.SET_LINK_UP, "set link up", name);
        links.setUp(name, true);
    }

    @Override
    public synchronized void setLinkDown(String name) {
        calls.begin(FakeOp.SET_LINK_DOWN, "set link down", name);
        links.setUp(name, false);
    }

    @Override
    public synchronized void renameLink(String name, String newName) {
        calls.begin(FakeOp.RENAME_LINK, "rename link", name + " to " + newName);
        links.rename(name, newName);
    }

    @Override
    public synchronized void setMtu(String name, int mtu) {
        calls.begin(FakeOp.SET_MTU, "set mtu", name + " mtu " + mtu);
        links.setMtu(name, mtu);
    }

    @Override
    public synchronized void setMac(String name, MacAddress mac) {
        calls.begin(FakeOp.SET_MAC, "set address", name + " address " + mac);
        links.setMac(name, mac);
    }

    @Override
    public synchronized void moveToNetns(String name, Netns target) {
        calls.begin(FakeOp.MOVE_TO_NETNS, "move link", name + " to " + target);
        links.remove(links.existing("move link", name));
    }

    // ---- addresses, routes, neighbours, FDB: FakeTableOps, so this class keeps to links ----

    @Override
    public synchronized List<Address> addresses() {
        return ops.addresses(0);
    }

    @Override
    public synchronized List<Address> addresses(int linkIndex) {
        return ops.addresses(linkIndex);
    }

    @Override
    public synchronized void addAddress(Address address) {
        ops.addAddress(address);
    }

    @Override
    public synchronized void deleteAddress(Address address) {
        ops.deleteAddress(address);
    }

    @Override
    public synchronized List<Route> routes(IpFamily family) {
        return ops.routes(family);
    }

    @Override
    public synchronized void addRoute(Route route) {
        ops.putRoute(FakeOp.ADD_ROUTE, route, false);
    }

    @Override
    public synchronized void replaceRoute(Route route) {
        ops.putRoute(FakeOp.REPLACE_ROUTE, route, true);
    }

    @Override
    public synchronized void deleteRoute(Route route) {
        ops.deleteRoute(route);
    }

    @Override
    public synchronized List<Neighbor> neighbors(IpFamily family) {
        return ops.neighbors(family);
    }

    @Override
    public synchronized void addNeighbor(Neighbor neighbor) {
        ops.putNeighbor(FakeOp.ADD_NEIGHBOR, neighbor, false);
    }

    @Override
    public synchronized void replaceNeighbor(Neighbor neighbor) {
        ops.putNeighbor(FakeOp.REPLACE_NEIGHBOR, neighbor, true);
    }

    @Override
    public synchronized void deleteNeighbor(Neighbor neighbor) {
        ops.deleteNeighbor(neighbor);
    }

    @Override
    public synchronized List<FdbEntry> fdbEntries(int linkIndex) {
        return ops.fdbEntries(linkIndex);
    }

    @Override
    public synchronized void addFdbEntry(FdbEntry entry) {
        ops.putFdb(FakeOp.ADD_FDB_ENTRY, entry, false);
    }

    @Override
    public synchronized void replaceFdbEntry(FdbEntry entry) {
        ops.putFdb(FakeOp.REPLACE_FDB_ENTRY, entry, true);
    }

    @Override
    public synchronized void deleteFdbEntry(FdbEntry entry) {
        ops.deleteFdb(entry);
    }

    @Override
    public synchronized Subscription subscribe(Set<EventGroup> groups, Consumer<RtEvent> listener) {
        calls.begin(FakeOp.SUBSCRIBE, "subscribe", groups.toString());
        return events.add(groups, listener);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
