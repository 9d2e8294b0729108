package dev.calyx.ipam;

import dev.calyx.testkit.EtcdCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** {@link RealStoreAllocationContract} on one real etcd member started for each test. */
@Tag("etcd")
class EtcdStoreAllocationTest extends RealStoreAllocationContract {
    private EtcdCluster etcd;

    @BeforeEach
    void startEtcd() {
        etcd = EtcdCluster.start();
    }

    @AfterEach
    void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @Override
    String spec() {
        return etcd.datastoreSpec();
    }
}
