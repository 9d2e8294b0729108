package dev.calyx.ipam;

import java.util.Map;

/**
 * Decides whether a pool's {@code nodeSelector} selects a node with these labels. An interface so IPAM can use the
 * full Calico selector grammar (calyx-model's selector package) without owning a parser.
 */
@FunctionalInterface
public interface NodeSelectorMatcher {
    boolean matches(String selector, Map<String, String> nodeLabels);
}
