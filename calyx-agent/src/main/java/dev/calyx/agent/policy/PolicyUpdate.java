package dev.calyx.agent.policy;

import dev.calyx.model.Kind;
import dev.calyx.model.Resource;
import java.util.Objects;

/** One change the syncer hands the dataplane loop. */
public sealed interface PolicyUpdate {
    /** A resource created or replaced. */
    record Put(Resource resource) implements PolicyUpdate {
        public Put {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** A resource gone; {@code namespace} null for cluster-wide kinds. */
    record Removed(Kind kind, String namespace, String name) implements PolicyUpdate {
        public Removed {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Every watched kind has been listed once: the picture is complete, programming may start. */
    record InSync() implements PolicyUpdate {
    }
}
