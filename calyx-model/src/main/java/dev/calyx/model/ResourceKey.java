package dev.calyx.model;

import java.util.Objects;

/**
 * Identity of a stored resource: kind, namespace (namespaced kinds only) and name. Its {@link #path()} is Calico's
 * etcd v3 key layout ({@code /calico/resources/v3/projectcalico.org/<plural>[/<namespace>]/<name>}), which calyx's
 * datastores share so that tools reading Calico's keys find calyx's objects where they expect them.
 */
public record ResourceKey(Kind kind, String namespace, String name) {
    public static final String PREFIX = "/calico/resources/v3/projectcalico.org/";

    public ResourceKey {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(kind.kindName() + ": a key needs a name");
        }
        if (kind.namespaced() && (namespace == null || namespace.isEmpty())) {
            throw new IllegalArgumentException(kind.kindName() + "/" + name + ": a namespaced kind needs a namespace");
        }
        if (!kind.namespaced()) {
            namespace = null;
        }
    }

    /** The key of a resource (namespaced kinds must carry their namespace, e.g. after {@link Admission#admit}). */
    public static ResourceKey of(Resource resource) {
        ObjectMeta m = resource.metadata();
        return new ResourceKey(resource.kind(), m == null ? null : m.namespace(), m == null ? null : m.name());
    }

    /** Datastore key, e.g. {@code /calico/resources/v3/projectcalico.org/networkpolicies/prod/allow-dns}. */
    public String path() {
        return prefix(kind, namespace) + name;
    }

    /** Prefix under which every object of a kind (in one namespace, if given and namespaced) is stored. */
    public static String prefix(Kind kind, String namespace) {
        String base = PREFIX + kind.plural() + "/";
        return kind.namespaced() && namespace != null && !namespace.isEmpty() ? base + namespace + "/" : base;
    }

    @Override
    public String toString() {
        return kind.kindName() + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
