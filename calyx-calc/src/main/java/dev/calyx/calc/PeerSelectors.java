package dev.calyx.calc;

import dev.calyx.model.k8s.NamespaceProfiles;
import dev.calyx.model.k8s.PodConversion;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.ServiceAccountMatch;
import dev.calyx.model.selector.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the selector-like fields of a rule side or a policy into ONE Calico selector, exactly as libcalico-go's
 * update processors do before Felix sees a rule ({@code getEndpointSelector} in {@code updateprocessors/rules.go}),
 * so that the canonical text, hence the IP-set id, is Calico's:
 * <ul>
 *   <li>a namespace selector moves onto endpoint labels with the {@code pcns.} prefix (the namespace profile
 *       applies those labels); in it {@code all()} means "any namespaced endpoint"
 *       ({@code has(projectcalico.org/namespace)}) and {@code global()} "no namespace" (host endpoints, global
 *       network sets);</li>
 *   <li>service accounts: the selector gets the {@code pcsa.} prefix, names become
 *       {@code projectcalico.org/serviceaccount in { ... }}, the two ANDed;</li>
 *   <li>{@code (serviceAccounts) && (selector)}, then {@code (namespace part) && (that)}; in a namespaced policy
 *       the namespace part defaults to "my namespace" and applies as soon as any selector field is used,
 *       including {@code notSelector};</li>
 *   <li>{@code notSelector} itself is not combined: it is its own set.</li>
 * </ul>
 * Pure.
 */
final class PeerSelectors {
    static final String SERVICE_ACCOUNT_PREFIX = "pcsa.";
    private static final String HAS_NAMESPACE = "has(" + PodConversion.NAMESPACE_LABEL + ")";

    private PeerSelectors() {
    }

    /**
     * The selector of a rule side, or null when the side has no selector-like field (it then matches any address,
     * Calico endpoint or not).
     */
    static Selector ofRuleSide(EntityRule side, String policyNamespace) {
        String nsPart = "";
        if (nonEmpty(side.namespaceSelector())) {
            nsPart = namespaceSelector(side.namespaceSelector());
        } else if (policyNamespace != null) {
            nsPart = sameNamespace(policyNamespace);
        }
        List<String> selectors = new ArrayList<>();
        String sa = side.serviceAccounts() == null ? "" : serviceAccounts(side.serviceAccounts());
        if (!sa.isEmpty()) {
            selectors.add(sa);
        }
        if (nonEmpty(side.selector())) {
            selectors.add(side.selector());
        }
        String selector = switch (selectors.size()) {
            case 0 -> "";
            case 1 -> selectors.getFirst();
            default -> "(" + String.join(") && (", selectors) + ")";
        };
        boolean restricts = !selector.isEmpty() || nonEmpty(side.notSelector()) || nonEmpty(side.namespaceSelector());
        if (!nsPart.isEmpty() && restricts) {
            selector = selector.isEmpty() ? nsPart : "(" + nsPart + ") && (" + selector + ")";
        }
        return selector.isEmpty() ? null : parse(selector);
    }

    /** The endpoints a policy applies to. */
    static Selector ofPolicy(String selector, String namespace, String namespaceSelector, String saSelector) {
        String text = nonEmpty(selector) ? selector : "all()";
        if (namespace != null) {
            text = "(" + sameNamespace(namespace) + ") && (" + text + ")";
        } else if (nonEmpty(namespaceSelector)) {
            text = "(" + text + ") && (" + namespaceSelector(namespaceSelector) + ")";
        }
        if (nonEmpty(saSelector)) {
            text = "(" + text + ") && (" + prefixed(saSelector, SERVICE_ACCOUNT_PREFIX) + ")";
        }
        return parse(text);
    }

    static Selector parse(String text) {
        return Selector.parse(text);
    }

    private static String serviceAccounts(ServiceAccountMatch sa) {
        String selector = nonEmpty(sa.selector()) ? prefixed(sa.selector(), SERVICE_ACCOUNT_PREFIX) : "";
        if (sa.names() == null || sa.names().isEmpty()) {
            return selector;
        }
        String names = parse(PodConversion.SERVICE_ACCOUNT_LABEL + " in { '" + String.join("', '", sa.names())
                + "' }").canonical();
        return selector.isEmpty() ? names : "(" + selector + ") && (" + names + ")";
    }

    /** Calico's text substitutions on the prefixed canonical form, kept textual so ids match Calico's. */
    private static String namespaceSelector(String selector) {
        return prefixed(selector, NamespaceProfiles.LABEL_PREFIX).replace("all()", HAS_NAMESPACE)
                .replace("global()", "!" + HAS_NAMESPACE);
    }

    private static String sameNamespace(String namespace) {
        return PodConversion.NAMESPACE_LABEL + " == '" + namespace + "'";
    }

    private static String prefixed(String selector, String prefix) {
        return parse(selector).withLabelPrefix(prefix).canonical();
    }

    static boolean nonEmpty(String s) {
        return s != null && !s.isBlank();
    }
}
