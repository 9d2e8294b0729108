package dev.calyx.agent.node;

import dev.calyx.datastore.resource.Resources;
import dev.calyx.dataplane.endpoint.VethNames;
import dev.calyx.ipam.IpAddr;
import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.IpFamily;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.RtNetlink;
import dev.calyx.model.Kind;
import dev.calyx.model.Node;
import dev.calyx.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * This node's {@code Node} resource, asserted at every start: the addresses are re-read from the node's namespace
 * (global-scope addresses on links that are neither loopback nor workload veths) and written as Calico's
 * {@code CalicoNodeIP} entries, with the first IPv4 one as {@code bgp.ipv4Address}; every other field another
 * component owns (tunnel addresses, ASN, orchRefs) is kept as stored.
 */
public final class NodeRegistration {
    static final String NODE_IP = "CalicoNodeIP";
    private static final int SCOPE_UNIVERSE = 0;

    private NodeRegistration() {
    }

    public static Node register(Resources resources, String nodeName, RtNetlink host) {
        List<String> addrs = addresses(host);
        Optional<Node> stored = resources.get(Kind.NODE, null, nodeName).map(Node.class::cast);
        Node.Spec old = stored.map(Node::spec)
                .orElse(new Node.Spec(null, null, null, null, null, null, null, null, null));
        String v4 = addrs.stream().filter(a -> !a.contains(":")).findFirst().orElse(null);
        String v6 = addrs.stream().filter(a -> a.contains(":")).findFirst().orElse(null);
        Node.Bgp bgp = old.bgp() != null
                ? new Node.Bgp(old.bgp().asNumber(), v4, v6, old.bgp().ipv4IPIPTunnelAddr(),
                        old.bgp().routeReflectorClusterID())
                : (v4 == null && v6 == null ? null : new Node.Bgp(null, v4, v6, null, null));
        Node.Spec spec = new Node.Spec(bgp, old.ipv4VXLANTunnelAddr(), old.vxlanTunnelMACAddr(),
                old.ipv6VXLANTunnelAddr(), old.vxlanTunnelMACAddrV6(), old.orchRefs(), old.wireguard(),
                addrs.stream().map(a -> new Node.Address(a, NODE_IP)).toList(), old.interfaces());
        ObjectMeta meta = stored.map(Node::metadata).orElse(ObjectMeta.named(nodeName));
        return (Node) resources.apply(new Node(meta, spec, stored.map(Node::status).orElse(null))).resource();
    }

    static List<String> addresses(RtNetlink host) {
        Map<Integer, Link> links = host.links().stream().collect(Collectors.toMap(Link::index, l -> l, (a, b) -> a));
        return host.addresses().stream()
                .filter(a -> a.scope() == SCOPE_UNIVERSE)
                .filter(a -> {
                    Link l = links.get(a.linkIndex());
                    return l != null && !l.isLoopback() && !VethNames.isWorkloadVeth(l.name());
                })
                .sorted((x, y) -> Boolean.compare(x.family() == IpFamily.V6, y.family() == IpFamily.V6))
                .map(NodeRegistration::text).toList();
    }

    private static String text(Address a) {
        return IpAddr.of(a.prefix().address()) + "/" + a.prefix().length();
    }
}
