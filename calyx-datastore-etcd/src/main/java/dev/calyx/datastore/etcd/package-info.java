/**
 * etcd v3 backend of the datastore SPI, over jetcd (kept in its own module so its vert.x 5 / gRPC / Netty class
 * path never meets another backend's).
 *
 * <p>Entry points: {@code KvStores.open(DatastoreConfig.parse("etcd:http://h1:2379,http://h2:2379"))} finds
 * {@link dev.calyx.datastore.etcd.EtcdKvStoreProvider} through ServiceLoader; {@link
 * dev.calyx.datastore.etcd.EtcdKvStore#open} does the same directly. Everything else here is wiring:
 * {@code EtcdClients} (jetcd client, gRPC deadlines), {@code EtcdTls} (CA/cert/key files), {@code EtcdCalls}
 * (timeouts and error mapping), {@code EtcdProbe} (why no endpoint answered), {@code EtcdWatch} (gap-free
 * resumption), {@code EtcdLeases}.
 */
package dev.calyx.datastore.etcd;
