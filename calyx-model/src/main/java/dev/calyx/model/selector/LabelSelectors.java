package dev.calyx.model.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kubernetes label selectors ({@code matchLabels} + {@code matchExpressions}) turned into Calico selector text
 * the way Calico's Kubernetes policy conversion does it ({@code k8sSelectorToCalico} in libcalico-go's
 * {@code backend/k8s/conversion}), so a converted Kubernetes NetworkPolicy gets the same selector, hence the same
 * canonical form and IP-set id, as under Calico.
 *
 * <p>Terms, joined with {@code " && "}: {@code key == 'value'} for each matchLabels entry in key order (Go's
 * byte order), then each expression in order: {@code key in { 'a', 'b' }}, {@code key not in { 'a', 'b' }},
 * {@code has(key)}, {@code ! has(key)}. A pod selector is prefixed with
 * {@code projectcalico.org/orchestrator == 'k8s'} so it only selects Kubernetes pods. A namespace selector that
 * is absent converts to "" (no namespace restriction, the caller's default) and one present but empty converts
 * to {@code all()}. Kubernetes semantics carry over: {@code NotIn} matches pods without the key, like Calico's
 * {@code not in}.
 *
 * <p>Calico's quirks are kept on purpose: values are single-quoted without escaping, so a value holding
 * {@code '} yields text Calico cannot parse either ({@link #podSelector} then throws
 * {@link SelectorParseException}); an {@code In} with no values becomes {@code key in { '' }}.
 */
public final class LabelSelectors {
    /** The label Calico puts on every workload endpoint with the orchestrator that created it. */
    public static final String ORCHESTRATOR_LABEL = "projectcalico.org/orchestrator";

    private LabelSelectors() {}

    /**
     * The Calico selector text of a NetworkPolicy {@code podSelector} (or a peer's {@code podSelector}).
     * Pass {@code null} for both arguments when the selector is absent: the result then selects all pods.
     */
    public static String podSelectorText(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {
        List<String> terms = new ArrayList<>();
        terms.add(ORCHESTRATOR_LABEL + " == 'k8s'");
        if (matchLabels != null || matchExpressions != null) {
            terms.addAll(terms(matchLabels, matchExpressions));
        }
        return String.join(" && ", terms);
    }

    /**
     * The Calico selector text of a peer's {@code namespaceSelector}: "" when absent (both arguments
     * {@code null}), {@code all()} when present with no terms.
     */
    public static String namespaceSelectorText(Map<String, String> matchLabels,
            List<LabelRequirement> matchExpressions) {
        if (matchLabels == null && matchExpressions == null) {
            return "";
        }
        List<String> terms = terms(matchLabels, matchExpressions);
        return terms.isEmpty() ? "all()" : String.join(" && ", terms);
    }

    /** {@link #podSelectorText} parsed. */
    public static Selector podSelector(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {
        return Selector.parse(podSelectorText(matchLabels, matchExpressions));
    }

    /** {@link #namespaceSelectorText} parsed ("" parses to {@code all()}). */
    public static Selector namespaceSelector(Map<String, String> matchLabels,
            List<LabelRequirement> matchExpressions) {
        return Selector.parse(namespaceSelectorText(matchLabels, matchExpressions));
    }

    /** The terms alone, without the orchestrator prefix, joined with {@code " && "} ("" when there are none). */
    public static String termsText(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {
        return String.join(" && ", terms(matchLabels, matchExpressions));
    }

    private static List<String> terms(Map<String, String> matchLabels, List<LabelRequirement> matchExpressions) {
        List<String> terms = new ArrayList<>();
        if (matchLabels != null) {
            Map<String, String> sorted = new TreeMap<>(SelectorText.CODE_POINT_ORDER);
            sorted.putAll(matchLabels);
            sorted.forEach((k, v) -> terms.add(k + " == '" + v + "'"));
        }
        if (matchExpressions != null) {
            for (LabelRequirement r : matchExpressions) {
                terms.add(term(r));
            }
        }
        return terms;
    }

    private static String term(LabelRequirement r) {
        String values = String.join("', '", r.values());
        return switch (r.operator()) {
            case In -> r.key() + " in { '" + values + "' }";
            case NotIn -> r.key() + " not in { '" + values + "' }";
            case Exists -> "has(" + r.key() + ")";
            case DoesNotExist -> "! has(" + r.key() + ")";
        };
    }
}
