package dev.calyx.calc;

import java.util.Objects;

/**
 * Names a policy: a GlobalNetworkPolicy ({@code namespace} null) or a namespaced NetworkPolicy (including the
 * {@code knp.default.*} conversions of Kubernetes NetworkPolicies). Ordered by {@link #id()}, Felix's
 * {@code namespace/name} spelling, which is also the tie-break between policies of equal order.
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
        return id().compareTo(o.id());
    }

    @Override
    public String toString() {
        return id();
    }
}
