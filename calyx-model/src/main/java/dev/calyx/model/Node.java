package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.AsNumber;

import java.util.List;
import java.util.Map;

/** A Calico node: BGP addresses, tunnel addresses and MACs (internal kind). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Node(ObjectMeta metadata, Spec spec, Map<String, Object> status) implements Resource {
    public Node withMetadata(ObjectMeta m) {
        return new Node(m, spec, status);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            Bgp bgp,
            String ipv4VXLANTunnelAddr,
            String vxlanTunnelMACAddr,
            String ipv6VXLANTunnelAddr,
            String vxlanTunnelMACAddrV6,
            List<OrchRef> orchRefs,
            Wireguard wireguard,
            List<Address> addresses,
            List<NodeInterface> interfaces) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bgp(AsNumber asNumber, String ipv4Address, String ipv6Address, String ipv4IPIPTunnelAddr,
                      String routeReflectorClusterID) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrchRef(String nodeName, String orchestrator) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wireguard(String interfaceIPv4Address, String interfaceIPv6Address) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(String address, String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeInterface(String name, List<String> addresses) {
    }
}
