package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.Protocol;

import java.util.List;
import java.util.Map;

/** A pod's network interface as Calico records it (internal kind, backed by the Pod in KDD). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkloadEndpoint(ObjectMeta metadata, Spec spec) implements Resource {
    public WorkloadEndpoint withMetadata(ObjectMeta m) {
        return new WorkloadEndpoint(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            String orchestrator,
            String workload,
            String node,
            String containerID,
            String pod,
            String endpoint,
            String serviceAccountName,
            List<String> ipNetworks,
            List<IpNat> ipNATs,
            String ipv4Gateway,
            String ipv6Gateway,
            List<String> profiles,
            String interfaceName,
            String mac,
            List<WorkloadPort> ports,
            List<String> allowSpoofedSourcePrefixes,
            Map<String, Object> qosControls) {

        public Spec {
            ipNetworks = ipNetworks == null ? null : List.copyOf(ipNetworks);
            ipNATs = ipNATs == null ? null : List.copyOf(ipNATs);
            profiles = profiles == null ? null : List.copyOf(profiles);
            ports = ports == null ? null : List.copyOf(ports);
            allowSpoofedSourcePrefixes = allowSpoofedSourcePrefixes == null ? null
                    : List.copyOf(allowSpoofedSourcePrefixes);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IpNat(String internalIP, String externalIP) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkloadPort(String name, Protocol protocol, Integer port, Integer hostPort, String hostIP) {
    }
}
