package dev.calyx.ipam;

import java.util.List;

/**
 * Where IPAM learns the IP pools. {@link KvPoolSource} reads IPPool resources from the datastore; tests may pass
 * a fixed list. Kept this narrow so IPAM does not depend on the full IPPool resource model.
 */
@FunctionalInterface
public interface PoolSource {
    List<PoolSpec> pools();

    static PoolSource fixed(List<PoolSpec> pools) {
        List<PoolSpec> copy = List.copyOf(pools);
        return () -> copy;
    }
}
