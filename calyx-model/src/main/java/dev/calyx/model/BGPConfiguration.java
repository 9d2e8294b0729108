package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.AsNumber;

import java.util.List;

/** BGP settings: {@code default} (global) or {@code node.<name>} (calico.md §5). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BGPConfiguration(ObjectMeta metadata, Spec spec) implements Resource {
    public BGPConfiguration withMetadata(ObjectMeta m) {
        return new BGPConfiguration(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            String logSeverityScreen,
            Boolean nodeToNodeMeshEnabled,
            AsNumber asNumber,
            List<CidrBlock> serviceLoadBalancerIPs,
            List<CidrBlock> serviceExternalIPs,
            List<CidrBlock> serviceClusterIPs,
            List<Community> communities,
            List<PrefixAdvertisement> prefixAdvertisements,
            Integer listenPort,
            SecretKeyRef nodeMeshPassword,
            String nodeMeshMaxRestartTime,
            String bindMode,
            List<String> ignoredInterfaces,
            String localWorkloadPeeringIPV4,
            String localWorkloadPeeringIPV6,
            String programClusterRoutes,
            String serviceLoadBalancerAggregation,
            Integer ipv4NormalRoutePriority,
            Integer ipv6NormalRoutePriority) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CidrBlock(String cidr) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Community(String name, String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrefixAdvertisement(String cidr, List<String> communities) {
    }
}
