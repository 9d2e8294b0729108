package dev.calyx.calc;

import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import java.util.Objects;

/** Identifies an input resource for updates and deletes: kind, namespace (null if cluster-wide), name. */
public record ResourceKey(Kind kind, String namespace, String name) {
    public ResourceKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name of a " + kind.kindName());
        if (kind.namespaced() && namespace == null) {
            throw new IllegalArgumentException(kind.kindName() + " " + name + " needs a namespace");
        }
        if (!kind.namespaced()) {
            namespace = null;
        }
    }

    public static ResourceKey of(Resource r) {
        Objects.requireNonNull(r.metadata(), "metadata of " + r.kind().kindName());
        return new ResourceKey(r.kind(), r.metadata().namespace(), r.metadata().name());
    }
}
