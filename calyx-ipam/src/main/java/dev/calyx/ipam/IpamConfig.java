package dev.calyx.ipam;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The cluster-wide IPAM settings at {@code /calico/ipam/v2/config} (Calico's v1 model {@code IPAMConfig}, same
 * JSON names, each omitted when false/0 like Go's omitempty). Absent key = Calico's defaults: borrowing allowed,
 * blocks claimed automatically, 20 blocks per host.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
public record IpamConfig(
        @JsonProperty("strict_affinity") boolean strictAffinity,
        @JsonProperty("auto_allocate_blocks") boolean autoAllocateBlocks,
        @JsonProperty("maxBlocksPerHost") int maxBlocksPerHost) {
    public static final int DEFAULT_MAX_BLOCKS_PER_HOST = 20;
    public static final IpamConfig DEFAULT = new IpamConfig(false, true, 0);

    public IpamConfig {
        if (maxBlocksPerHost < 0) {
            throw new IllegalArgumentException("maxBlocksPerHost " + maxBlocksPerHost + ": must be >= 0 (0 = default "
                    + DEFAULT_MAX_BLOCKS_PER_HOST + ")");
        }
    }

    /** Calico's cross-field rules, enforced when the config is set (not when it is read). */
    public IpamConfig validated() {
        if (!strictAffinity && !autoAllocateBlocks) {
            throw new IllegalArgumentException("IPAM config: strictAffinity=false with autoAllocateBlocks=false would "
                    + "leave nodes with no way to get addresses");
        }
        return this;
    }

    /** 0 means Calico's default of 20. */
    @JsonIgnore
    public int effectiveMaxBlocksPerHost() {
        return maxBlocksPerHost == 0 ? DEFAULT_MAX_BLOCKS_PER_HOST : maxBlocksPerHost;
    }
}
