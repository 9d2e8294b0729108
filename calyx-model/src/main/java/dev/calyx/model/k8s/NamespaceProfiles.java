package dev.calyx.model.k8s;

import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Profile;
import dev.calyx.model.policy.Rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes Namespace as the profile {@code kns.<name>} every pod of the namespace carries, as Calico's
 * {@code NamespaceToProfile} builds it: allow-all ingress and egress (Kubernetes is "allow unless a policy
 * selects you") and the namespace's labels applied to its endpoints with the prefix {@code pcns.}, plus
 * {@code pcns.projectcalico.org/name = <name>} so namespaceSelectors can match by name.
 */
public final class NamespaceProfiles {
    public static final String PROFILE_PREFIX = "kns.";
    public static final String LABEL_PREFIX = "pcns.";
    public static final String NAME_LABEL = "projectcalico.org/name";

    private NamespaceProfiles() {
    }

    public static String profileName(String namespace) {
        return PROFILE_PREFIX + namespace;
    }

    public static Profile toProfile(KubernetesNamespace ns) {
        ObjectMeta m = ns.metadata();
        Map<String, String> labels = new LinkedHashMap<>();
        new TreeMap<>(m.labelsOrEmpty()).forEach((k, v) -> labels.put(LABEL_PREFIX + k, v));
        labels.put(LABEL_PREFIX + NAME_LABEL, m.name());
        ObjectMeta meta = new ObjectMeta(profileName(m.name()), null, null, null, null, null, m.uid(),
                m.creationTimestamp(), null, null, null, null, null, null, null);
        return new Profile(meta, new Profile.Spec(List.of(Rule.allow()), List.of(Rule.allow()), labels));
    }
}
