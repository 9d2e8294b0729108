package dev.calyx.preflight;

import dev.calyx.kernel.netlink.Arphrd;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.RtTable;
import dev.calyx.kernel.netns.Netns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link HostNetworkReader} over calyx's rtnetlink layer: link, address and route dumps only (RTM_GET*), so it never
 * changes anything. Only main-table routes are kept: the local table lists the host's own addresses, which the
 * address list already covers.
 */
public final class NetlinkHostNetworkReader implements HostNetworkReader {
    private final Optional<String> netns;

    public NetlinkHostNetworkReader(Optional<String> netns) {
        this.netns = netns;
    }

    @Override
    public HostNetwork read() {
        if (netns.isEmpty()) {
            try (FfmRtNetlink rtnl = FfmRtNetlink.open()) {
                return read(rtnl);
            }
        }
        try (Netns ns = Netns.open(netns.get()); FfmRtNetlink rtnl = FfmRtNetlink.openIn(ns)) {
            return read(rtnl);
        }
    }

    static HostNetwork read(FfmRtNetlink rtnl) {
        Map<Integer, String> names = new HashMap<>();
        List<HostNetwork.Link> links = new ArrayList<>();
        for (Link l : rtnl.links()) {
            names.put(l.index(), l.name());
            String type = l.isLoopback() ? "loopback" : l.type() == Arphrd.ETHER ? "ether" : "other";
            links.add(new HostNetwork.Link(l.name(), l.mtu(), l.isUp(), l.kind(), type));
        }
        List<HostNetwork.Address> addrs = new ArrayList<>();
        for (var a : rtnl.addresses()) {
            String ifname = names.getOrDefault(a.linkIndex(), "ifindex " + a.linkIndex());
            addrs.add(new HostNetwork.Address(ifname, IpPrefix.canonical(a.prefix().address().getAddress()),
                    new IpPrefix(a.prefix().address().getAddress(), a.prefix().length())));
        }
        List<HostNetwork.Route> routes = new ArrayList<>();
        for (IpFamily family : IpFamily.values()) {
            for (var r : rtnl.routes(family)) {
                if (r.table() != RtTable.MAIN) {
                    continue;
                }
                String dev = r.linkIndex() == 0 ? "" : names.getOrDefault(r.linkIndex(), "ifindex " + r.linkIndex());
                routes.add(new HostNetwork.Route(new IpPrefix(r.destination().address().getAddress(),
                        r.destination().length()), dev, r.gateway().map(g -> g.getHostAddress()).orElse(""),
                        r.type().name().toLowerCase(Locale.ROOT)));
            }
        }
        return new HostNetwork(links, addrs, routes);
    }
}
