package dev.calyx.dataplane.endpoint;

import dev.calyx.kernel.netlink.LinkNames;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CNI DEL knows about an endpoint: its host veth, its container interface and, when the runtime still has
 * it, its namespace (CNI_NETNS may be empty on DEL, or name a namespace already gone).
 */
public record EndpointRef(String hostVethName, String containerIfName, Optional<Path> netnsPath) {
    public EndpointRef {
        LinkNames.check(hostVethName);
        LinkNames.check(containerIfName);
        Objects.requireNonNull(netnsPath, "netnsPath");
    }
}
