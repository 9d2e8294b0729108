package dev.calyx.lab;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A running pod: its network namespace (by name, under /var/run/netns) and its IP.
 *
 * @param node          index of the node the pod runs on
 * @param hostInterface the host side of its veth in the node namespace (Calico's {@code cali...} name)
 */
public record Pod(PodRef ref, int node, String netns, InetAddress ip, String hostInterface) {
    public Pod {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(netns, "netns");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(hostInterface, "hostInterface");
        if (node < 0) {
            throw new IllegalArgumentException("pod " + ref + ": node " + node + " < 0");
        }
    }
}
