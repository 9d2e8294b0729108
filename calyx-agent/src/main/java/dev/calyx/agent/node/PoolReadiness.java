package dev.calyx.agent.node;

import dev.calyx.agent.cni.CniException;
import dev.calyx.agent.pod.AgentCniHandler;
import dev.calyx.cni.wire.CniError;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.resource.Resources;
import dev.calyx.model.IPPool;
import dev.calyx.model.Kind;

/** CNI STATUS: ready when the datastore answers and at least one IPPool is enabled (else code 50). */
public final class PoolReadiness implements AgentCniHandler.PoolStatus {
    private final Resources resources;

    public PoolReadiness(Resources resources) {
        this.resources = resources;
    }

    @Override
    public void requireUsablePool() {
        long enabled;
        try {
            enabled = resources.list(Kind.IP_POOL, null).stream().map(IPPool.class::cast)
                    .filter(p -> p.spec() == null || !Boolean.TRUE.equals(p.spec().disabled())).count();
        } catch (DatastoreException e) {
            throw new CniException(CniError.NOT_AVAILABLE, "calyx datastore unreachable", e.getMessage());
        }
        if (enabled == 0) {
            throw new CniException(CniError.NOT_AVAILABLE, "no enabled IPPool: pods cannot get addresses",
                    "create one with calyx apply (kind IPPool) or restart the agent with --default-pool");
        }
    }
}
