package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** kube-controllers settings singleton ({@code default}); metrics port default 9094. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubeControllersConfiguration(ObjectMeta metadata, Spec spec, Map<String, Object> status)
        implements Resource {
    public KubeControllersConfiguration withMetadata(ObjectMeta m) {
        return new KubeControllersConfiguration(m, spec, status);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String logSeverityScreen, String healthChecks, String etcdV3CompactionPeriod,
                       Integer prometheusMetricsPort, Controllers controllers, Integer debugProfilePort) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Controllers(NodeController node, Reconciler policy, Reconciler workloadEndpoint,
                              Reconciler serviceAccount, Reconciler namespace, LoadBalancer loadBalancer,
                              Migration migration) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NodeController(String reconcilerPeriod, String syncLabels, HostEndpoint hostEndpoint,
                                 String leakGracePeriod) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HostEndpoint(String autoCreate, String createDefaultHostEndpoint,
                               List<Map<String, Object>> templates) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reconciler(String reconcilerPeriod) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoadBalancer(String assignIPs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Migration(String policyNameMigrator) {
    }
}
