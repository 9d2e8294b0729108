package dev.calyx.ipam;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * The secondary index behind release-by-handle, at {@code /calico/ipam/v2/handle/<id>}: block CIDR → how many of
 * that block's allocations carry this handle.
 */
public record IpamHandle(@JsonProperty("block") Map<String, Integer> block, @JsonProperty("deleted") boolean deleted) {
    public IpamHandle {
        block = java.util.Collections.unmodifiableMap(new TreeMap<>(block == null ? Map.of() : block));
    }

    public int total() {
        return block.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A copy with {@code delta} added to the block's count; entries that reach zero are dropped. */
    public IpamHandle plus(String blockCidr, int delta) {
        Map<String, Integer> m = new TreeMap<>(block);
        int n = m.getOrDefault(blockCidr, 0) + delta;
        if (n > 0) {
            m.put(blockCidr, n);
        } else {
            m.remove(blockCidr);
        }
        return new IpamHandle(m, false);
    }

    public IpamHandle without(String blockCidr) {
        Map<String, Integer> m = new TreeMap<>(block);
        m.remove(blockCidr);
        return new IpamHandle(m, false);
    }
}
