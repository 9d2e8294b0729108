package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The parts of a {@code v1} Pod calyx needs: labels (metadata), node, service account, container ports with
 * names (for named-port policy), and pod IPs. Other Pod fields are ignored on purpose: calyx is not the
 * authority on pods and must accept whatever the API server returns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubernetesPod(ObjectMeta metadata, Spec spec, Status status) implements Resource {
    public KubernetesPod withMetadata(ObjectMeta m) {
        return new KubernetesPod(m, spec, status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String nodeName, String serviceAccountName, Boolean hostNetwork, List<Container> containers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Container(String name, List<ContainerPort> ports) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContainerPort(String name, Integer containerPort, String protocol, Integer hostPort,
                                String hostIP) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String phase, String podIP, List<PodIp> podIPs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PodIp(String ip) {
    }
}
