package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.Protocol;

import java.util.List;

/** A host interface ({@code *} = all host traffic) under policy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostEndpoint(ObjectMeta metadata, Spec spec) implements Resource {
    public HostEndpoint withMetadata(ObjectMeta m) {
        return new HostEndpoint(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String node, String interfaceName, List<String> expectedIPs, List<String> profiles,
                       List<EndpointPort> ports) {
        public Spec {
            expectedIPs = expectedIPs == null ? null : List.copyOf(expectedIPs);
            profiles = profiles == null ? null : List.copyOf(profiles);
            ports = ports == null ? null : List.copyOf(ports);
        }
    }

    /** A named port policy can refer to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndpointPort(String name, Protocol protocol, Integer port) {
    }
}
