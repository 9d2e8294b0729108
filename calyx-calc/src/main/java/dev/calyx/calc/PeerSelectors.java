package dev.calyx.calc;

import dev.calyx.model.k8s.NamespaceProfiles;
import dev.calyx.model.k8s.PodConversion;
import dev.calyx.model.policy.EntityRule;
import dev.calyx.model.policy.ServiceAccountMatch;
import dev.calyx.model.selector.Selector;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the selector-like fields of a rule side or a policy into ONE Calico selector, as libcalico-go's update
 * processors do before Felix sees a rule: namespace selectors move onto endpoint labels with the {@code pcns.}
 * prefix (the namespace profile applies those labels), service-account selectors with {@code pcsa.}, service
 * account names become {@code projectcalico.org/serviceaccount in {...}}, and in a namespaced policy a selector
 * without a namespace selector means "in my namespace". Pure.
 */
final class PeerSelectors {
    static final String SERVICE_ACCOUNT_PREFIX = "pcsa.";

    private PeerSelectors() {
    }

    /**
     * The selector of a rule side, or null when the side has no selector-like field (it then matches any address,
     * Calico endpoint or not).
     */
    static Selector ofRuleSide(EntityRule side, String policyNamespace) {
        List<String> parts = new ArrayList<>();
        boolean hasSelector = nonEmpty(side.selector()) || side.serviceAccounts() != null;
        if (nonEmpty(side.namespaceSelector())) {
            parts.add(prefixed(side.namespaceSelector(), NamespaceProfiles.LABEL_PREFIX));
        } else if (policyNamespace != null && hasSelector) {
            parts.add(sameNamespace(policyNamespace));
        }
        if (nonEmpty(side.selector())) {
            parts.add(parse(side.selector()).canonical());
        }
        if (side.serviceAccounts() != null) {
            parts.addAll(serviceAccountTerms(side.serviceAccounts()));
        }
        return parts.isEmpty() ? null : conjunction(parts);
    }

    /** The endpoints a policy applies to. */
    static Selector ofPolicy(String selector, String namespace, String namespaceSelector, String saSelector) {
        List<String> parts = new ArrayList<>();
        if (namespace != null) {
            parts.add(sameNamespace(namespace));
        } else if (nonEmpty(namespaceSelector)) {
            parts.add(prefixed(namespaceSelector, NamespaceProfiles.LABEL_PREFIX));
        }
        parts.add(nonEmpty(selector) ? parse(selector).canonical() : "all()");
        if (nonEmpty(saSelector)) {
            parts.add(prefixed(saSelector, SERVICE_ACCOUNT_PREFIX));
        }
        return conjunction(parts);
    }

    static Selector parse(String text) {
        return Selector.parse(text);
    }

    private static List<String> serviceAccountTerms(ServiceAccountMatch sa) {
        List<String> terms = new ArrayList<>();
        if (sa.names() != null && !sa.names().isEmpty()) {
            terms.add(PodConversion.SERVICE_ACCOUNT_LABEL + " in {" + String.join(", ",
                    sa.names().stream().map(n -> "'" + n + "'").toList()) + "}");
        }
        if (nonEmpty(sa.selector())) {
            terms.add(prefixed(sa.selector(), SERVICE_ACCOUNT_PREFIX));
        }
        return terms.isEmpty() ? List.of("all()") : terms;
    }

    private static String sameNamespace(String namespace) {
        return PodConversion.NAMESPACE_LABEL + " == '" + namespace + "'";
    }

    private static String prefixed(String selector, String prefix) {
        return parse(selector).withLabelPrefix(prefix).canonical();
    }

    private static Selector conjunction(List<String> parts) {
        List<String> kept = parts.stream().filter(p -> !p.equals("all()")).toList();
        if (kept.isEmpty()) {
            return Selector.ALL;
        }
        if (kept.size() == 1) {
            return parse(kept.getFirst());
        }
        return parse(String.join(" && ", kept.stream().map(p -> "(" + p + ")").toList()));
    }

    static boolean nonEmpty(String s) {
        return s != null && !s.isBlank();
    }
}
