package dev.calyx.ipam;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One automatic assignment: {@code num4} IPv4 and {@code num6} IPv6 addresses for {@code handleId} on {@code node},
 * stamped with {@code attrs} (Calico's {@code namespace}, {@code pod}, {@code node}, {@code type}...).
 * {@code poolNames} restricts the pools (empty = every pool the node may use).
 */
public record AssignRequest(String handleId, String node, int num4, int num6, Map<String, String> attrs,
                            AllowedUse use, List<String> poolNames) {
    public AssignRequest {
        requireName("handleId", handleId);
        requireName("node", node);
        if (num4 < 0 || num6 < 0 || num4 + num6 == 0) {
            throw new IllegalArgumentException("assign for handle " + handleId + ": asks for " + num4 + " IPv4 and "
                    + num6 + " IPv6 addresses; need at least one, none negative");
        }
        attrs = attrs == null ? Map.of() : Map.copyOf(attrs);
        use = use == null ? AllowedUse.Workload : use;
        poolNames = poolNames == null ? List.of() : List.copyOf(poolNames);
    }

    /** {@code n} IPv4 addresses for a workload. */
    public static AssignRequest ipv4(String handleId, String node, int n, Map<String, String> attrs) {
        return new AssignRequest(handleId, node, n, 0, attrs, AllowedUse.Workload, List.of());
    }

    public AssignRequest withUse(AllowedUse u) {
        return new AssignRequest(handleId, node, num4, num6, attrs, u, poolNames);
    }

    static void requireName(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException(field + " \"" + value + "\": must be non-empty and contain no '/'");
        }
    }
}
