package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The cluster singleton ({@code default}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterInformation(ObjectMeta metadata, Spec spec) implements Resource {
    public ClusterInformation withMetadata(ObjectMeta m) {
        return new ClusterInformation(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String clusterGUID, String clusterType, String calicoVersion, Boolean datastoreReady,
                       String variant) {
    }
}
