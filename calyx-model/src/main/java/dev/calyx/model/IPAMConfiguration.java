package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The IPAM singleton ({@code default}): strict affinity, per-host block limit, cooldown (calico.md §2.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IPAMConfiguration(ObjectMeta metadata, Spec spec) implements Resource {
    public IPAMConfiguration withMetadata(ObjectMeta m) {
        return new IPAMConfiguration(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(Boolean strictAffinity, Integer maxBlocksPerHost, Boolean autoAllocateBlocks,
                       String kubeVirtVMAddressPersistence, Integer ipCooldownSeconds) {
    }
}
