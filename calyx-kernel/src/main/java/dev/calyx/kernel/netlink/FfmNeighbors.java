package dev.calyx.kernel.netlink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The neighbour and FDB half of {@link FfmRtNetlink}, through RTM_*NEIGH on the handle's socket. */
final class FfmNeighbors {
    private final NetlinkSocket socket;
    private final IntFunction<String> linkName;
    private final Supplier<String> where;

    FfmNeighbors(NetlinkSocket socket, IntFunction<String> linkName, Supplier<String> where) {
        this.socket = socket;
        this.linkName = linkName;
        this.where = where;
    }

    /** Ordinary and proxy entries of one family. */
    List<Neighbor> list(IpFamily family) {
        List<Neighbor> all = new ArrayList<>(socket.dump("list neighbours", () -> family + " " + where.get(),
                NeighborCodec.dump(family.af(), false), NeighborCodec::parseNeighbor));
        all.addAll(socket.dump("list proxy neighbours", () -> family + " " + where.get(),
                NeighborCodec.dump(family.af(), true), NeighborCodec::parseNeighbor));
        return all;
    }

    void add(Neighbor n, boolean replace) {
        int flags = Nlm.F_CREATE | (replace ? Nlm.F_REPLACE : Nlm.F_EXCL);
        socket.execute(replace ? "replace neighbour" : "add neighbour", describe(n),
                NeighborCodec.neighbor(Rtm.NEWNEIGH, flags, n));
    }

    void delete(Neighbor n) {
        socket.execute("delete neighbour", describe(n), NeighborCodec.neighbor(Rtm.DELNEIGH, 0, n));
    }

    List<FdbEntry> listFdb(int linkIndex) {
        return socket.dump("list fdb", () -> "dev " + linkName.apply(linkIndex),
                        NeighborCodec.dump(Af.BRIDGE, false), NeighborCodec::parseFdb)
                .stream().filter(e -> e.linkIndex() == linkIndex).toList();
    }

    void addFdb(FdbEntry e, boolean replace) {
        int flags = Nlm.F_CREATE | (replace ? Nlm.F_REPLACE : Nlm.F_EXCL);
        socket.execute(replace ? "replace fdb entry" : "add fdb entry", describe(e),
                NeighborCodec.fdb(Rtm.NEWNEIGH, flags, e));
    }

    void deleteFdb(FdbEntry e) {
        socket.execute("delete fdb entry", describe(e), NeighborCodec.fdb(Rtm.DELNEIGH, 0, e));
    }

    private Supplier<String> describe(Neighbor n) {
        return () -> (n.isProxy() ? "proxy " : "") + n.address().getHostAddress()
                + n.mac().map(mac -> " lladdr " + mac).orElse("") + " dev " + linkName.apply(n.linkIndex());
    }

    private Supplier<String> describe(FdbEntry e) {
        return () -> e.mac() + " dev " + linkName.apply(e.linkIndex())
                + e.destination().map(dst -> " dst " + dst.getHostAddress()).orElse("");
    }
}
