package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A node's claim on an IPAM block (calico.md §2.2); {@code deleted} is a KDD soft-delete marker Calico refuses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlockAffinity(ObjectMeta metadata, Spec spec) implements Resource {
    public BlockAffinity withMetadata(ObjectMeta m) {
        return new BlockAffinity(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(String state, String node, String type, String cidr, String deleted) {
    }
}
