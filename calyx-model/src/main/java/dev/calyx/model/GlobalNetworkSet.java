package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Cluster-wide set of CIDRs, selectable by its labels (and by {@code global()} namespace selectors). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GlobalNetworkSet(ObjectMeta metadata, Spec spec) implements Resource {
    public GlobalNetworkSet withMetadata(ObjectMeta m) {
        return new GlobalNetworkSet(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(List<String> nets) {
        public Spec {
            nets = nets == null ? null : List.copyOf(nets);
        }
    }
}
