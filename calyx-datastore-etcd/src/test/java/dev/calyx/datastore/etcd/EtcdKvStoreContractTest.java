package dev.calyx.datastore.etcd;

import dev.calyx.datastore.DatastoreConfig;
import dev.calyx.datastore.KvStore;
import dev.calyx.datastore.KvStoreContract;
import dev.calyx.testkit.EtcdCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The shared backend contract against one real etcd member; tests share it, each under its own prefix. */
@Tag("etcd")
class EtcdKvStoreContractTest extends KvStoreContract {
    private static EtcdCluster etcd;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdCluster.start();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @Override
    protected KvStore connect() {
        return EtcdKvStore.open(DatastoreConfig.parse(etcd.datastoreSpec()));
    }
}
