package dev.calyx.lab;

import dev.calyx.dataplane.endpoint.EndpointSpec;
import dev.calyx.dataplane.endpoint.EndpointWiring;
import dev.calyx.kernel.netlink.Address;
import dev.calyx.kernel.netlink.FfmRtNetlink;
import dev.calyx.kernel.netlink.IpPrefix;
import dev.calyx.kernel.netlink.Link;
import dev.calyx.kernel.netlink.Route;
import dev.calyx.kernel.netlink.VethSpec;
import dev.calyx.kernel.netns.Netns;
import dev.calyx.kernel.sysctl.Sysctl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pods wired the way Calico wires them, with no agent: the lab's stand-in for the real CNI shim and node agent.
 *
 * <pre>
 *   pod netns                 node netns i (ip_forward)            underlay netns (ip_forward)
 *   eth0 10.99.i.n/32 ==veth== caliXXXXXXXXXXX (proxy_arp)
 *   default via 169.254.1.1   10.99.i.n/32 dev cali... scope link
 *                             eth0 10.98.i.2/24 ========veth======== node&lt;i&gt; 10.98.i.1/24
 *                             default via 10.98.i.1                10.99.i.0/24 via 10.98.i.2
 * </pre>
 * The pod's gateway 169.254.1.1 exists nowhere: the host side answers its ARP by proxy ARP (with no delay), exactly
 * Calico's trick. The pod end is wired by the agent's own {@link EndpointWiring} (what CNI ADD runs), with the node
 * namespace as its host; only the nodes and the underlay are the lab's. Every namespace carries the lab's prefix;
 * nothing is created in the root namespace.
 *
 * <p>Thread safety: {@link #attach}/{@link #detach} are synchronized (the address counters and netlink handles are
 * shared).
 */
public final class RoutedVethNetwork implements PodNetwork {
    private final LabConfig config;
    private final List<String> nodes = new ArrayList<>();
    private final int[] nextHost;

    private RoutedVethNetwork(LabConfig config, int nodeCount) {
        this.config = config;
        this.nextHost = new int[nodeCount];
    }

    /** Builds the underlay and {@code nodeCount} nodes; on failure removes whatever it created. */
    public static RoutedVethNetwork create(LabConfig config, int nodeCount) {
        if (nodeCount < 1 || nodeCount > 200) {
            throw new IllegalArgumentException("nodes " + nodeCount + ": want 1-200");
        }
        RoutedVethNetwork net = new RoutedVethNetwork(config, nodeCount);
        try {
            String underlay = LabNamespaces.underlay(config.prefix());
            try (Netns u = Netns.create(underlay)) {
                Sysctl.set(u, "net/ipv4/ip_forward", "1");
                for (int i = 0; i < nodeCount; i++) {
                    net.addNode(u, i);
                }
            }
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw new LabException("build lab network (" + config.prefix() + "*): " + e.getMessage(), e);
        }
    }

    private void addNode(Netns underlay, int index) {
        String name = LabNamespaces.node(config.prefix(), index);
        nodes.add(name);
        try (Netns node = Netns.create(name);
             FfmRtNetlink u = FfmRtNetlink.openIn(underlay);
             FfmRtNetlink n = FfmRtNetlink.openIn(node)) {
            Sysctl.set(node, "net/ipv4/ip_forward", "1");
            String uplink = "node" + index;
            u.addVeth(VethSpec.of(uplink, "eth0").peerIn(node));
            InetAddress routerSide = offset(config.underlayRange(), index, 1);
            InetAddress nodeSide = offset(config.underlayRange(), index, 2);
            u.addAddress(Address.of(index(u, uplink), new IpPrefix(routerSide, 24)));
            u.setLinkUp(uplink);
            u.addRoute(Route.to(new IpPrefix(offset(config.podRange(), index, 0), 24)).via(nodeSide)
                    .dev(index(u, uplink)));
            n.setLinkUp("lo");
            n.addAddress(Address.of(index(n, "eth0"), new IpPrefix(nodeSide, 24)));
            n.setLinkUp("eth0");
            n.addRoute(Route.to(IpPrefix.parse("0.0.0.0/0")).via(routerSide).dev(index(n, "eth0")));
        }
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public synchronized Pod attach(PodSpec spec, int node) {
        if (node < 0 || node >= nodes.size()) {
            throw new IllegalArgumentException("pod " + spec.ref() + ": node " + node + " of " + nodes.size());
        }
        if (nextHost[node] > 250) {
            throw new LabException("node " + node + ": no pod addresses left in " + config.podRange());
        }
        InetAddress ip = offset(config.podRange(), node, 2 + nextHost[node]++);
        Pod pod = new Pod(spec.ref(), node, LabNamespaces.pod(config.prefix(), spec.ref()), ip,
                LabNamespaces.hostInterface(spec.ref()));
        try (Netns podNs = Netns.create(pod.netns()); Netns nodeNs = Netns.open(nodes.get(node))) {
            wire(pod, podNs, nodeNs);
            return pod;
        } catch (RuntimeException e) {
            detach(pod);
            throw new LabException("attach pod " + spec.ref() + " (" + pod.netns() + ", " + ip.getHostAddress()
                    + ") to " + nodes.get(node) + ": " + e.getMessage(), e);
        }
    }

    /** Exactly what the agent's CNI ADD does, through its {@link EndpointWiring}, with the node as the host. */
    private static void wire(Pod pod, Netns podNs, Netns nodeNs) {
        try (FfmRtNetlink node = FfmRtNetlink.openIn(nodeNs); FfmRtNetlink inPod = FfmRtNetlink.openIn(podNs)) {
            inPod.setLinkUp("lo");
            EndpointWiring.onHost(node).add(EndpointSpec.of(pod.hostInterface(), "eth0", podNs.path(),
                    List.of(IpPrefix.host(pod.ip()))));
        }
    }

    @Override
    public synchronized void detach(Pod pod) {
        // Deleting the pod namespace destroys the veth pair and with it the host route.
        Netns.delete(pod.netns());
    }

    @Override
    public synchronized void close() {
        for (String node : nodes) {
            Netns.delete(node);
        }
        Netns.delete(LabNamespaces.underlay(config.prefix()));
    }

    private static int index(FfmRtNetlink nl, String name) {
        return nl.linkByName(name).map(Link::index)
                .orElseThrow(() -> new LabException("link " + name + " missing in " + nl.netns()));
    }

    /** {@code range} (a /16) with its third octet {@code third} and last octet {@code fourth}. */
    static InetAddress offset(IpPrefix range, int third, int fourth) {
        byte[] b = range.address().getAddress();
        b[2] = (byte) third;
        b[3] = (byte) fourth;
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
