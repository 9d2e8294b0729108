package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link RtNetlink} over a NETLINK_ROUTE socket driven through the Java FFM API (no {@code ip} processes).
 *
 * <p>Design: a handle is one socket bound, when opened, to one network namespace; it keeps operating on that
 * namespace whichever thread calls it later (vishvananda/netlink's {@code NewHandleAt}). {@link #openIn(Netns)}
 * opens the socket on a throwaway platform thread switched into the target namespace, so no long-lived thread ever
 * changes namespace. Requests are built by the *Codec classes and exchanged by {@link NetlinkSocket}; addresses,
 * routes and neighbours live in their own small classes behind this facade.
 *
 * <p>Thread safety: safe for concurrent use; requests on one handle are serialized (one socket).
 */
public final class FfmRtNetlink implements RtNetlink {
    private final NetlinkSocket socket;
    private final Netns netns;
    private final FfmAddresses addresses;
    private final FfmRoutes routes;
    private final FfmNeighbors neighbors;

    private FfmRtNetlink(NetlinkSocket socket, Netns netns) {
        this.socket = socket;
        this.netns = netns;
        Supplier<String> where = () -> "in " + netns;
        this.addresses = new FfmAddresses(socket, this::describeLink, where);
        this.routes = new FfmRoutes(socket, this::describeLink, where);
        this.neighbors = new FfmNeighbors(socket, this::describeLink, where);
    }

    /** A handle on the CALLING thread's current network namespace. */
    public static FfmRtNetlink open() {
        Netns self = Netns.current();
        try {
            return new FfmRtNetlink(NetlinkSocket.open(), self);
        } catch (RuntimeException e) {
            self.close();
            throw e;
        }
    }

    /** A handle on {@code target}, usable from any thread; {@code target} may be closed afterwards. */
    public static FfmRtNetlink openIn(Netns target) {
        Netns own = target.duplicate();
        try {
            return new FfmRtNetlink(own.run(() -> NetlinkSocket.open()), own);
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** The namespace this handle operates on. */
    public Netns netns() {
        return netns;
    }

    // ---- links ----

    @Override
    public List<Link> links() {
        return socket.dump("list links", () -> "in " + netns, LinkCodec.dump(), LinkCodec::parse);
    }

    @Override
    public Optional<Link> linkByName(String name) {
        LinkNames.check(name);
        return getLink(name, LinkCodec.getByName(name));
    }

    @Override
    public Optional<Link> linkByIndex(int index) {
        return getLink("ifindex " + index, LinkCodec.getByIndex(index));
    }

    private Optional<Link> getLink(String object, NlMessageBuilder request) {
        try {
            return socket.query("get link", () -> object, request, LinkCodec::parse).stream().findFirst();
        } catch (NetlinkException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void addVeth(VethSpec spec) {
        socket.execute("add veth", () -> spec.name() + " peer " + spec.peerName()
                + spec.peerNetns().map(ns -> " in " + ns).orElse(""), LinkCodec.newVeth(spec));
    }

    @Override
    public void addVxlan(VxlanSpec spec) {
        socket.execute("add vxlan", () -> spec.name() + " id " + spec.vni(), LinkCodec.newVxlan(spec));
    }

    @Override
    public void deleteLink(String name) {
        LinkNames.check(name);
        socket.execute("delete link", () -> name, LinkCodec.delete(name));
    }

    @Override
    public void setLinkUp(String name) {
        LinkNames.check(name);
        socket.execute("set link up", () -> name, LinkCodec.setFlags(name, Iff.UP, Iff.UP));
    }

    @Override
    public void setLinkDown(String name) {
        LinkNames.check(name);
        socket.execute("set link down", () -> name, LinkCodec.setFlags(name, 0, Iff.UP));
    }

    @Override
    public void renameLink(String name, String newName) {
        LinkNames.check(newName);
        int index = link(name).index();
        socket.execute("rename link", () -> name + " to " + newName, LinkCodec.rename(index, newName));
    }

    @Override
    public void setMtu(String name, int mtu) {
        LinkNames.check(name);
        socket.execute("set mtu", () -> name + " mtu " + mtu, LinkCodec.set(name).attrU32(Ifla.MTU, mtu));
    }

    @Override
    public void setMac(String name, MacAddress mac) {
        LinkNames.check(name);
        socket.execute("set address", () -> name + " address " + mac,
                LinkCodec.set(name).attr(Ifla.ADDRESS, mac.bytes()));
    }

    @Override
    public void moveToNetns(String name, Netns target) {
        LinkNames.check(name);
        socket.execute("move link", () -> name + " to " + target,
                LinkCodec.set(name).attrU32(Ifla.NET_NS_FD, target.fd()));
    }

    // ---- addresses, routes, neighbours: see FfmAddresses, FfmRoutes, FfmNeighbors ----

    @Override
    public List<Address> addresses() {
        return addresses.list();
    }

    @Override
    public List<Address> addresses(int linkIndex) {
        return addresses.list(linkIndex);
    }

    @Override
    public void addAddress(Address address) {
        addresses.add(address);
    }

    @Override
    public void deleteAddress(Address address) {
        addresses.delete(address);
    }

    @Override
    public List<Route> routes(IpFamily family) {
        return routes.list(family);
    }

    @Override
    public void addRoute(Route route) {
        routes.add(route);
    }

    @Override
    public void replaceRoute(Route route) {
        routes.replace(route);
    }

    @Override
    public void deleteRoute(Route route) {
        routes.delete(route);
    }

    @Override
    public List<Neighbor> neighbors(IpFamily family) {
        return neighbors.list(family);
    }

    @Override
    public void addNeighbor(Neighbor neighbor) {
        neighbors.add(neighbor, false);
    }

    @Override
    public void replaceNeighbor(Neighbor neighbor) {
        neighbors.add(neighbor, true);
    }

    @Override
    public void deleteNeighbor(Neighbor neighbor) {
        neighbors.delete(neighbor);
    }

    @Override
    public List<FdbEntry> fdbEntries(int linkIndex) {
        return neighbors.listFdb(linkIndex);
    }

    @Override
    public void addFdbEntry(FdbEntry entry) {
        neighbors.addFdb(entry, false);
    }

    @Override
    public void replaceFdbEntry(FdbEntry entry) {
        neighbors.addFdb(entry, true);
    }

    @Override
    public void deleteFdbEntry(FdbEntry entry) {
        neighbors.deleteFdb(entry);
    }

    // ---- events ----

    /** Opens a second socket in this handle's namespace, joined to the groups, served by its own thread. */
    @Override
    public Subscription subscribe(Set<EventGroup> groups, Consumer<RtEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("subscribe: no event groups given");
        }
        int[] numbers = groups.stream().mapToInt(EventGroup::group).toArray();
        NetlinkSocket events = netns.run(() -> NetlinkSocket.open(numbers));
        return new NetlinkSubscription(events, listener, netns.name());
    }

    /** The name of a link for error messages; never throws. */
    String describeLink(int index) {
        try {
            return linkByIndex(index).map(Link::name).orElse("ifindex " + index);
        } catch (RuntimeException e) {
            return "ifindex " + index;
        }
    }

    @Override
    public void close() {
        socket.close();
        netns.close();
    }
}
