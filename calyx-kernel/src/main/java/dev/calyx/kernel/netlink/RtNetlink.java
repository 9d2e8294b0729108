package dev.calyx.kernel.netlink;

import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sys.Errno;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * rtnetlink operations on ONE network namespace: links, addresses, routes, neighbours and FDB entries, and events.
 * Verbs mirror the kernel and {@code ip}; every failure is a {@link NetlinkException} naming the operation, the
 * object and the errno.
 *
 * <p>Implementations: {@link FfmRtNetlink} (the kernel, over the FFM API), {@code FakeRtNetlink} in calyx-testkit
 * (in memory, with failure injection). Implementations are safe to call from any thread.
 */
public interface RtNetlink extends AutoCloseable {

    // ---- links ----

    /** All links of the namespace (RTM_GETLINK dump). */
    List<Link> links();

    Optional<Link> linkByName(String name);

    Optional<Link> linkByIndex(int index);

    /** The named link; a NetlinkException with {@code isNotFound()} when there is none. */
    default Link link(String name) {
        return linkByName(name).orElseThrow(() -> new NetlinkException("get link", name, Errno.ENODEV));
    }

    /** Creates a veth pair, the peer directly inside {@link VethSpec#peerNetns()} when given. Both ends stay down. */
    void addVeth(VethSpec spec);

    /** Creates a VXLAN device (down). */
    void addVxlan(VxlanSpec spec);

    /** Deletes a link (for a veth, both ends); {@code isNotFound()} when there is none. */
    void deleteLink(String name);

    void setLinkUp(String name);

    void setLinkDown(String name);

    void renameLink(String name, String newName);

    void setMtu(String name, int mtu);

    void setMac(String name, MacAddress mac);

    /** Moves a link into another namespace (it disappears from this one). */
    void moveToNetns(String name, Netns target);

    // ---- addresses ----

    /** All IPv4 and IPv6 addresses of the namespace. */
    List<Address> addresses();

    List<Address> addresses(int linkIndex);

    /** {@code ip addr add}; EEXIST when the address is already there. */
    void addAddress(Address address);

    /** {@code ip addr del}; {@code isNotFound()} (EADDRNOTAVAIL) when it is not there. */
    void deleteAddress(Address address);

    // ---- routes ----

    /** The routes of one family, all tables (filter on {@link Route#table()}); kernel cache clones excluded. */
    List<Route> routes(IpFamily family);

    /** NLM_F_CREATE|NLM_F_EXCL: EEXIST when a route with the same key exists. */
    void addRoute(Route route);

    /** NLM_F_CREATE|NLM_F_REPLACE: creates or overwrites, the idempotent way to converge. */
    void replaceRoute(Route route);

    /** {@code isNotFound()} (ESRCH) when no route matches. */
    void deleteRoute(Route route);

    // ---- neighbours and FDB ----

    /** Ordinary and proxy neighbour entries of one family. */
    List<Neighbor> neighbors(IpFamily family);

    /** NLM_F_EXCL: EEXIST when an entry for the address exists. */
    void addNeighbor(Neighbor neighbor);

    /** Creates or overwrites. */
    void replaceNeighbor(Neighbor neighbor);

    void deleteNeighbor(Neighbor neighbor);

    /** The FDB entries of one device (for VXLAN: MAC → remote VTEP). */
    List<FdbEntry> fdbEntries(int linkIndex);

    void addFdbEntry(FdbEntry entry);

    void replaceFdbEntry(FdbEntry entry);

    void deleteFdbEntry(FdbEntry entry);

    // ---- events ----

    /**
     * Delivers changes of the given groups in this namespace to {@code listener}, on a thread the subscription owns,
     * until the returned subscription is closed.
     */
    Subscription subscribe(Set<EventGroup> groups, Consumer<RtEvent> listener);

    /** Closes the handle; idempotent. */
    @Override
    void close();
}
