package dev.calyx.calc;

import java.util.Comparator;
import java.util.Objects;

/**
 * Names something selectors can match: a workload or host endpoint, or a (global) network set, which Calico makes
 * selectable like an endpoint so that its nets join the IP sets of matching selectors. {@code namespace} is null
 * for the cluster-wide types.
 */
public record EndpointKey(Type type, String namespace, String name) implements Comparable<EndpointKey> {
    public enum Type { WORKLOAD, HOST, NETWORK_SET, GLOBAL_NETWORK_SET }

    private static final Comparator<EndpointKey> ORDER = Comparator.<EndpointKey, Type>comparing(EndpointKey::type)
            .thenComparing(EndpointKey::namespace, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EndpointKey::name);

    public EndpointKey {
        Objects.requireNonNull(type, "endpoint type");
        Objects.requireNonNull(name, "endpoint name");
        boolean namespaced = type == Type.WORKLOAD || type == Type.NETWORK_SET;
        if (namespaced != (namespace != null)) {
            throw new IllegalArgumentException(type + " " + name + ": namespace " + namespace
                    + (namespaced ? " is required" : " is not allowed"));
        }
    }

    public static EndpointKey workload(String namespace, String name) {
        return new EndpointKey(Type.WORKLOAD, namespace, name);
    }

    public static EndpointKey host(String name) {
        return new EndpointKey(Type.HOST, null, name);
    }

    /** Workload and host endpoints are endpoints; network sets only feed IP sets. */
    public boolean isEndpoint() {
        return type == Type.WORKLOAD || type == Type.HOST;
    }

    @Override
    public int compareTo(EndpointKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return type + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
