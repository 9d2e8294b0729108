package dev.calyx.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The two loopback ports of one etcd member (client and peer). Ports come from the kernel's ephemeral range (bind
 * to port 0), so they never collide with a host etcd on 2379/2380; a port could be taken again between our probe
 * and etcd's bind, which shows up as "address already in use" in the member's log ({@link EtcdCluster} retries).
 */
record MemberPorts(int client, int peer, boolean tls) {
    static final String HOST = "127.0.0.1";

    MemberPorts {
        if (client == peer) {
            throw new IllegalArgumentException("etcd client and peer port are both " + client);
        }
    }

    static MemberPorts allocate(boolean tls) {
        return new MemberPorts(freePort(), freePort(), tls);
    }

    /** {@code https://} when the cluster serves clients over TLS; peers always talk plain http on loopback. */
    String clientUrl() {
        return (tls ? "https://" : "http://") + HOST + ":" + client;
    }

    String peerUrl() {
        return "http://" + HOST + ":" + peer;
    }

    private static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                int port = s.getLocalPort();
                if (port != 2379 && port != 2380) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("find a free loopback port for etcd: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no free loopback port for etcd after 20 attempts");
    }
}
