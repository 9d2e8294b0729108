package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Namespaced set of CIDRs, selectable by its labels like an endpoint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkSet(ObjectMeta metadata, Spec spec) implements Resource {
    public NetworkSet withMetadata(ObjectMeta m) {
        return new NetworkSet(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(List<String> nets) {
        public Spec {
            nets = nets == null ? null : List.copyOf(nets);
        }
    }
}
