package dev.calyx.calc;

import java.util.Objects;

/**
 * Names a policy: a GlobalNetworkPolicy ({@code namespace} null) or a namespaced NetworkPolicy (including the
 * {@code knp.default.*} conversions of Kubernetes NetworkPolicies). Ordered as Felix's policy sorter breaks ties
 * between policies of equal order: by name, then namespace (global policies first).
 */
public record PolicyKey(String namespace, String name) implements Comparable<PolicyKey> {
    public PolicyKey {
        Objects.requireNonNull(name, "policy name");
    }

    public static PolicyKey global(String name) {
        return new PolicyKey(null, name);
    }

    public static PolicyKey namespaced(String namespace, String name) {
        return new PolicyKey(Objects.requireNonNull(namespace, "namespace of policy " + name), name);
    }

    /** {@code name} or {@code namespace/name}. */
    public String id() {
        return namespace == null ? name : namespace + "/" + name;
    }

    @Override
    public int compareTo(PolicyKey o) {
        int byName = name.compareTo(o.name);
        if (byName != 0) {
            return byName;
        }
        if (namespace == null || o.namespace == null) {
            return namespace == null ? (o.namespace == null ? 0 : -1) : 1;
        }
        return namespace.compareTo(o.namespace);
    }

    @Override
    public String toString() {
        return id();
    }
}
