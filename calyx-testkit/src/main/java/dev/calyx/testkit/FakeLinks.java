package dev.calyx.testkit;

import dev.calyx.kernel.netlink.Arphrd;
import dev.calyx.kernel.netlink.Iff;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.MacAddress;
import dev.calyx.kernel.netlink.NetlinkException;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.RtEvent;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netlink.VxlanSpec;
import dev.calyx.kernel.sys.Errno;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The link table of {@link FakeRtNetlink}: {@code lo} at index 1, then increasing ifindexes; EEXIST for taken names,
 * ENODEV for unknown ones; deleting a link (or a local veth's peer) flushes what hung on it. Called under the fake's
 * lock.
 */
final class FakeLinks {
    private final Map<Integer, Link> links = new TreeMap<>();
    private final Map<String, String> peerNamespaces = new TreeMap<>();
    private final FakeKernelTables tables;
    private final FakeEvents events;
    private int nextIndex = 2;

    FakeLinks(FakeKernelTables tables, FakeEvents events) {
        this.tables = tables;
        this.events = events;
        links.put(1, new Link(1, "lo", "", Arphrd.LOOPBACK, Iff.UP | Iff.LOOPBACK | Iff.LOWER_UP, 65536,
                Optional.of(new MacAddress(0)), 0, 0, Optional.empty()));
    }

    List<Link> all() {
        return List.copyOf(links.values());
    }

    Optional<Link> find(String name) {
        return links.values().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    Optional<Link> find(int index) {
        return Optional.ofNullable(links.get(index));
    }

    Link existing(String operation, String name) {
        return find(name).orElseThrow(() -> new NetlinkException(operation, name, Errno.ENODEV));
    }

    Optional<String> peerNamespace(String name) {
        return Optional.ofNullable(peerNamespaces.get(name));
    }

    void addVeth(VethSpec spec, String object) {
        if (find(spec.name()).isPresent() || (spec.peerNetns().isEmpty() && find(spec.peerName()).isPresent())) {
            throw new NetlinkException("add veth", object, Errno.EEXIST);
        }
        int index = nextIndex++;
        int mtu = spec.mtu() > 0 ? spec.mtu() : 1500;
        int peer = spec.peerNetns().isPresent() ? 0 : nextIndex++;
        create(new Link(index, spec.name(), "veth", Arphrd.ETHER, 0, mtu,
                Optional.of(spec.mac().orElse(macFor(index))), peer, 0, Optional.empty()));
        if (spec.peerNetns().isPresent()) {
            peerNamespaces.put(spec.name(), spec.peerNetns().get().name());
        } else {
            create(new Link(peer, spec.peerName(), "veth", Arphrd.ETHER, 0, mtu,
                    Optional.of(spec.peerMac().orElse(macFor(peer))), index, 0, Optional.empty()));
        }
    }

    void addVxlan(VxlanSpec spec, String object) {
        if (find(spec.name()).isPresent()) {
            throw new NetlinkException("add vxlan", object, Errno.EEXIST);
        }
        int index = nextIndex++;
        MacAddress mac = spec.mac().orElse(macFor(index));
        int mtu = spec.mtu() > 0 ? spec.mtu() : 1450;
        create(new Link(index, spec.name(), "vxlan", Arphrd.ETHER, 0, mtu, Optional.of(mac), spec.parentIndex(), 0,
                Optional.of(spec.mtu(mtu).mac(mac))));
    }

    private static MacAddress macFor(int index) {
        return new MacAddress(0x02_00_00_00_00_00L | index);
    }

    private void create(Link link) {
        links.put(link.index(), link);
        events.emit(new RtEvent.LinkUpdate(link, false));
    }

    void delete(String name) {
        Link link = existing("delete link", name);
        remove(link);
        if (link.kind().equals("veth") && links.containsKey(link.parentIndex())) {
            remove(links.get(link.parentIndex()));
        }
        peerNamespaces.remove(name);
    }

    void remove(Link link) {
        links.remove(link.index());
        for (Route gone : tables.forgetLink(link.index())) {
            events.emit(new RtEvent.RouteUpdate(gone, true));
        }
        events.emit(new RtEvent.LinkUpdate(link, true));
    }

    void rename(String name, String newName) {
        if (find(newName).isPresent()) {
            throw new NetlinkException("rename link", name + " to " + newName, Errno.EEXIST);
        }
        update("rename link", name, l -> new Link(l.index(), newName, l.kind(), l.type(), l.flags(), l.mtu(),
                l.mac(), l.parentIndex(), l.masterIndex(), l.vxlan()));
    }

    void setUp(String name, boolean up) {
        int bits = Iff.UP | Iff.LOWER_UP;
        update(up ? "set link up" : "set link down", name, l -> with(l, up ? l.flags() | bits : l.flags() & ~bits,
                l.mtu(), l.mac()));
    }

    void setMtu(String name, int mtu) {
        if (mtu < 68 || mtu > 65535) {
            throw new NetlinkException("set mtu", name + " mtu " + mtu, Errno.EINVAL);
        }
        update("set mtu", name, l -> with(l, l.flags(), mtu, l.mac()));
    }

    void setMac(String name, MacAddress mac) {
        update("set address", name, l -> with(l, l.flags(), l.mtu(), Optional.of(mac)));
    }

    private static Link with(Link l, int flags, int mtu, Optional<MacAddress> mac) {
        return new Link(l.index(), l.name(), l.kind(), l.type(), flags, mtu, mac, l.parentIndex(), l.masterIndex(),
                l.vxlan());
    }

    private void update(String operation, String name, UnaryOperator<Link> change) {
        Link changed = change.apply(existing(operation, name));
        links.put(changed.index(), changed);
        events.emit(new RtEvent.LinkUpdate(changed, false));
    }

    String nameOf(int index) {
        Link l = links.get(index);
        return l == null ? "ifindex " + index : l.name();
    }

    boolean isUp(int index) {
        Link l = links.get(index);
        return l != null && l.isUp();
    }

    boolean exists(int index) {
        return links.containsKey(index);
    }
}
