package dev.calyx.kernel.netlink;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The route half of {@link FfmRtNetlink}: add/replace/delete/list through RTM_*ROUTE on the handle's socket. */
final class FfmRoutes {
    private final NetlinkSocket socket;
    private final IntFunction<String> linkName;
    private final Supplier<String> where;

    FfmRoutes(NetlinkSocket socket, IntFunction<String> linkName, Supplier<String> where) {
        this.socket = socket;
        this.linkName = linkName;
        this.where = where;
    }

    List<Route> list(IpFamily family) {
        return socket.dump("list routes", () -> family + " " + where.get(), RouteCodec.dump(family),
                RouteCodec::parse);
    }

    void add(Route r) {
        socket.execute("add route", describe(r), RouteCodec.add(r, false));
    }

    void replace(Route r) {
        socket.execute("replace route", describe(r), RouteCodec.add(r, true));
    }

    void delete(Route r) {
        socket.execute("delete route", describe(r), RouteCodec.delete(r));
    }

    /** "10.244.0.5/32 dev cali1234", "blackhole 10.0.0.0/8", "0.0.0.0/0 via 169.254.1.1 dev eth0 table 100". */
    private Supplier<String> describe(Route r) {
        return () -> {
            StringBuilder s = new StringBuilder();
            if (r.type() != RouteType.UNICAST) {
                s.append(r.type().name().toLowerCase()).append(' ');
            }
            s.append(r.destination());
            r.gateway().ifPresent(gw -> s.append(" via ").append(gw.getHostAddress()));
            if (r.linkIndex() > 0) {
                s.append(" dev ").append(linkName.apply(r.linkIndex()));
            }
            if (r.table() != RtTable.MAIN) {
                s.append(" table ").append(r.table());
            }
            return s.toString();
        };
    }
}
