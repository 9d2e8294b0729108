package dev.calyx.ipam;

import java.util.Map;

/**
 * The per-node tunnel addresses calico-node allocates ({@code node/pkg/allocateip/allocateip.go}): Calico's handle
 * names and {@code type} attribute values, so GC and {@code calicoctl}-style tools recognise them.
 */
public enum TunnelAddress {
    IPIP("ipip-tunnel-addr-", "ipipTunnelAddress", IpFamily.V4),
    VXLAN("vxlan-tunnel-addr-", "vxlanTunnelAddress", IpFamily.V4),
    VXLAN_V6("vxlan-v6-tunnel-addr-", "vxlanV6TunnelAddress", IpFamily.V6),
    WIREGUARD("wireguard-tunnel-addr-", "wireguardTunnelAddress", IpFamily.V4),
    WIREGUARD_V6("wireguard-v6-tunnel-addr-", "wireguardV6TunnelAddress", IpFamily.V6);

    private final String handlePrefix;
    private final String type;
    private final IpFamily family;

    TunnelAddress(String handlePrefix, String type, IpFamily family) {
        this.handlePrefix = handlePrefix;
        this.type = type;
        this.family = family;
    }

    /** {@code vxlan-tunnel-addr-<node>} */
    public String handle(String node) {
        return handlePrefix + node;
    }

    /** The allocation attributes: {@code node} and {@code type}. */
    public Map<String, String> attrs(String node) {
        return Map.of("node", node, "type", type);
    }

    public IpFamily family() {
        return family;
    }

    /** The request for this node's tunnel address (one address, use Tunnel). */
    public AssignRequest request(String node) {
        return new AssignRequest(handle(node), node, family == IpFamily.V4 ? 1 : 0, family == IpFamily.V6 ? 1 : 0,
                attrs(node), AllowedUse.Tunnel, null);
    }
}
