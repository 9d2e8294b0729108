package dev.calyx.ipam;

import dev.calyx.model.selector.Selector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pool nodeSelectors with Calico's full selector grammar (calyx-model's {@link Selector}). Parsed selectors are
 * cached by text: pools change rarely and every assignment evaluates them. A selector Calico would reject fails
 * the assignment with the parser's message (expression and position).
 *
 * <p>Thread safety: thread-safe (concurrent cache of immutable selectors).
 */
public final class CalicoNodeSelector implements NodeSelectorMatcher {
    private final Map<String, Selector> cache = new ConcurrentHashMap<>();

    @Override
    public boolean matches(String selector, Map<String, String> nodeLabels) {
        String text = selector == null || selector.isBlank() ? "all()" : selector;
        return cache.computeIfAbsent(text, Selector::parse).matches(nodeLabels);
    }
}
