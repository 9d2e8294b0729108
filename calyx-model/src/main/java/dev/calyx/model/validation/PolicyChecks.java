package dev.calyx.model.validation;

import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.Profile;
import dev.calyx.model.StagedGlobalNetworkPolicy;
import dev.calyx.model.StagedNetworkPolicy;
import dev.calyx.model.Tier;
import dev.calyx.model.policy.Rule;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static dev.calyx.model.validation.Problems.at;

/** Policy-level rules: names, types, services placement, global(), GNP flags, staged actions, tiers. */
final class PolicyChecks {
    /** NetworkPolicy names: a label, label.label, or the knp./ossg.default. prefixed Kubernetes names. */
    static final Pattern NP_NAME = Pattern.compile("^((" + Checks.LABEL_FMT + ")(\\." + Checks.LABEL_FMT
            + ")?|((?:knp|ossg)\\.default\\.(" + Checks.SUBDOMAIN_FMT + ")))$");
    static final Pattern GNP_NAME = Pattern.compile("^(" + Checks.LABEL_FMT + "\\.)?" + Checks.LABEL_FMT + "$");
    private static final String NAME_MSG = "name must consist of lower case alphanumeric characters or '-' (regex: "
            + Checks.LABEL_FMT + ")";

    /** The parts every policy spec shares. */
    record Common(String tier, List<Rule> ingress, List<Rule> egress, String selector, List<String> types,
                  String serviceAccountSelector, List<String> performanceHints) {
    }

    private PolicyChecks() {
    }

    static void policyName(Problems p, String name, Pattern pattern) {
        if (name == null) {
            return;
        }
        if (name.length() > 253) {
            p.add("metadata.name", "name is too long by " + (name.length() - 253) + " bytes");
        }
        if (!pattern.matcher(name).matches()) {
            p.add("metadata.name", "invalid name \"" + name + "\": " + NAME_MSG);
        }
    }

    static void networkPolicy(Problems p, NetworkPolicy np) {
        policyName(p, np.metadata().name(), NP_NAME);
        var s = np.spec();
        if (s != null) {
            common(p, new Common(s.tier(), s.ingress(), s.egress(), s.selector(), s.types(),
                    s.serviceAccountSelector(), s.performanceHints()), false);
        }
    }

    static void stagedNetworkPolicy(Problems p, StagedNetworkPolicy np) {
        policyName(p, np.metadata().name(), NP_NAME);
        var s = np.spec();
        if (s == null) {
            return;
        }
        Checks.oneOf(p, "spec.stagedAction", s.stagedAction(), "Set", "Delete", "Learn", "Ignore");
        if ("Delete".equals(s.stagedAction())) {
            if (s.order() != null || s.ingress() != null || s.egress() != null || s.selector() != null
                    || s.types() != null || s.serviceAccountSelector() != null || s.performanceHints() != null) {
                p.add("spec", "Spec fields, except Tier, should all be zero-value if stagedAction is Delete");
            }
            return;
        }
        common(p, new Common(s.tier(), s.ingress(), s.egress(), s.selector(), s.types(),
                s.serviceAccountSelector(), s.performanceHints()), false);
    }

    static void globalNetworkPolicy(Problems p, GlobalNetworkPolicy gnp) {
        policyName(p, gnp.metadata().name(), GNP_NAME);
        var s = gnp.spec();
        if (s == null) {
            return;
        }
        common(p, new Common(s.tier(), s.ingress(), s.egress(), s.selector(), s.types(),
                s.serviceAccountSelector(), s.performanceHints()), true);
        globalFlags(p, s.doNotTrack(), s.preDNAT(), s.applyOnForward(), s.egress(), s.types());
        Checks.selector(p, "spec.namespaceSelector", s.namespaceSelector());
        if (s.namespaceSelector() != null && s.namespaceSelector().contains("global()")) {
            p.add("spec.namespaceSelector", RuleChecks.GLOBAL_ONLY_IN_NS);
        }
    }

    static void stagedGlobalNetworkPolicy(Problems p, StagedGlobalNetworkPolicy gnp) {
        policyName(p, gnp.metadata().name(), GNP_NAME);
        var s = gnp.spec();
        if (s == null) {
            return;
        }
        Checks.oneOf(p, "spec.stagedAction", s.stagedAction(), "Set", "Delete", "Learn", "Ignore");
        if ("Delete".equals(s.stagedAction())) {
            if (s.order() != null || s.ingress() != null || s.egress() != null || s.selector() != null
                    || s.types() != null || s.doNotTrack() != null || s.preDNAT() != null
                    || s.applyOnForward() != null || s.serviceAccountSelector() != null
                    || s.namespaceSelector() != null || s.performanceHints() != null) {
                p.add("spec", "Spec fields, except Tier, should all be zero-value if stagedAction is Delete");
            }
            return;
        }
        common(p, new Common(s.tier(), s.ingress(), s.egress(), s.selector(), s.types(),
                s.serviceAccountSelector(), s.performanceHints()), true);
        globalFlags(p, s.doNotTrack(), s.preDNAT(), s.applyOnForward(), s.egress(), s.types());
        Checks.selector(p, "spec.namespaceSelector", s.namespaceSelector());
    }

    private static void common(Problems p, Common c, boolean global) {
        if (c.tier() != null && !c.tier().isEmpty() && !Checks.DNS_LABEL.matcher(c.tier()).matches()) {
            p.add("spec.tier", "invalid tier name \"" + c.tier() + "\": " + NAME_MSG);
        }
        RuleChecks.rules(p, "spec.ingress", c.ingress());
        RuleChecks.rules(p, "spec.egress", c.egress());
        Checks.selector(p, "spec.selector", c.selector());
        Checks.selector(p, "spec.serviceAccountSelector", c.serviceAccountSelector());
        if (c.selector() != null && c.selector().contains("global()")) {
            p.add("spec.selector", RuleChecks.GLOBAL_ONLY_IN_NS);
        }
        if (c.serviceAccountSelector() != null && c.serviceAccountSelector().contains("global()")) {
            p.add("spec.serviceAccountSelector", RuleChecks.GLOBAL_ONLY_IN_NS);
        }
        types(p, c.types());
        List<String> hints = c.performanceHints() == null ? List.of() : c.performanceHints();
        var seenHints = new HashSet<String>();
        for (int i = 0; i < hints.size(); i++) {
            Checks.oneOf(p, at("spec.performanceHints", i), hints.get(i), "AssumeNeededOnEveryNode");
            if (!seenHints.add(hints.get(i))) {
                p.add(at("spec.performanceHints", i), "Duplicate value: \"" + hints.get(i) + "\"");
            }
        }
        servicesPlacement(p, c.ingress(), c.egress(), global);
    }

    private static void types(Problems p, List<String> types) {
        if (types == null) {
            return;
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < types.size(); i++) {
            String t = types.get(i);
            Checks.oneOf(p, at("spec.types", i), t, "Ingress", "Egress");
            if (!seen.add(t)) {
                p.add(at("spec.types", i), "'" + t + "' type specified more than once");
            }
        }
    }

    private static void servicesPlacement(Problems p, List<Rule> ingress, List<Rule> egress, boolean global) {
        List<Rule> in = ingress == null ? List.of() : ingress;
        List<Rule> out = egress == null ? List.of() : egress;
        for (int i = 0; i < out.size(); i++) {
            Rule r = out.get(i);
            String path = at("spec.egress", i);
            if (r == null) {
                continue;
            }
            if (r.sourceOrEmpty().services() != null) {
                p.add(at(path, "source.services"), "not allowed in egress rule source");
            }
            if (r.http() != null) {
                p.add(at(path, "http"), "not allowed in egress rule");
            }
            var svc = r.destinationOrEmpty().services();
            if (global && svc != null && (svc.namespace() == null || svc.namespace().isEmpty())) {
                p.add(at(path, "destination.services.namespace"), "must specify a namespace");
            }
        }
        for (int i = 0; i < in.size(); i++) {
            Rule r = in.get(i);
            String path = at("spec.ingress", i);
            if (r == null) {
                continue;
            }
            if (r.destinationOrEmpty().services() != null) {
                p.add(at(path, "destination.services"), "not allowed in ingress rule destination");
            }
            var svc = r.sourceOrEmpty().services();
            if (global && svc != null && (svc.namespace() == null || svc.namespace().isEmpty())) {
                p.add(at(path, "source.services.namespace"), "must specify a namespace");
            }
        }
    }

    private static void globalFlags(Problems p, Boolean doNotTrack, Boolean preDNAT, Boolean applyOnForward,
                                    List<Rule> egress, List<String> types) {
        boolean dnt = Boolean.TRUE.equals(doNotTrack);
        boolean pre = Boolean.TRUE.equals(preDNAT);
        if (dnt && pre) {
            p.add("spec.preDNAT", "preDNAT and doNotTrack cannot both be true");
        }
        if (pre && egress != null && !egress.isEmpty()) {
            p.add("spec.egress", "preDNAT policy cannot have any egress rules");
        }
        if (pre && types != null && types.contains("Egress")) {
            p.add("spec.types", "preDNAT policy cannot have 'Egress' type");
        }
        if (!Boolean.TRUE.equals(applyOnForward) && (dnt || pre)) {
            p.add("spec.applyOnForward", "applyOnForward must be true if either preDNAT or doNotTrack is true");
        }
    }

    static void profile(Problems p, Profile profile) {
        var s = profile.spec();
        if (s == null) {
            return;
        }
        RuleChecks.rules(p, "spec.ingress", s.ingress());
        RuleChecks.rules(p, "spec.egress", s.egress());
        Checks.labels(p, "spec.labelsToApply", s.labelsToApply());
    }

    static void tier(Problems p, Tier tier) {
        String name = tier.metadata().name();
        if (name != null && (name.length() > 63 || !Checks.DNS_LABEL.matcher(name).matches())) {
            p.add("metadata.name", "invalid tier name \"" + name + "\": name must consist of lower case "
                    + "alphanumeric characters or '-' (regex: " + Checks.LABEL_FMT + ") and be at most 63 characters");
        }
        Double order = tier.spec() == null ? null : tier.spec().order();
        String action = tier.spec() == null ? null : tier.spec().defaultAction();
        Checks.oneOf(p, "spec.defaultAction", action, "Deny", "Pass");
        reservedTier(p, name, order, action, Tier.DEFAULT, Tier.DEFAULT_ORDER, "1000000", "Deny");
        reservedTier(p, name, order, action, Tier.KUBE_ADMIN, Tier.KUBE_ADMIN_ORDER, "1000", "Pass");
        reservedTier(p, name, order, action, Tier.KUBE_BASELINE, Tier.KUBE_BASELINE_ORDER, "10000000", "Pass");
    }

    private static void reservedTier(Problems p, String name, Double order, String action, String tierName,
                                     double requiredOrder, String orderText, String requiredAction) {
        if (!tierName.equals(name)) {
            return;
        }
        if (order == null || order != requiredOrder) {
            p.add("spec.order", tierName + " tier order must be " + orderText);
        }
        if (action != null && !action.equals(requiredAction)) {
            p.add("spec.defaultAction", tierName + " tier must have defaultAction " + requiredAction);
        }
    }
}
