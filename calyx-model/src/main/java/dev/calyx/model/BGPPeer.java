package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.AsNumber;

import java.util.List;

/** A BGP peering: which nodes ({@code node}/{@code nodeSelector}) peer with whom ({@code peerIP}/{@code peerSelector}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BGPPeer(ObjectMeta metadata, Spec spec) implements Resource {
    public BGPPeer withMetadata(ObjectMeta m) {
        return new BGPPeer(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            String node,
            String nodeSelector,
            String peerIP,
            AsNumber asNumber,
            String peerSelector,
            Boolean keepOriginalNextHop,
            String nextHopMode,
            SecretKeyRef password,
            String sourceAddress,
            String failureDetectionMode,
            String restartMode,
            String maxRestartTime,
            String birdGatewayMode,
            Integer numAllowedLocalASNumbers,
            Integer ttlSecurity,
            String reachableBy,
            List<String> filters,
            String localWorkloadSelector,
            AsNumber localASNumber,
            String keepaliveTime,
            String reversePeering) {
    }
}
