/**
 * calyx-testkit: real and fake collaborators for tests of the layers above.
 *
 * <p>{@link dev.calyx.testkit.EtcdCluster} starts real {@code /usr/bin/etcd} members on free loopback ports
 * (optionally with TLS, {@link dev.calyx.testkit.EtcdTlsFiles}), breaks them on purpose (stop, kill, restart) and
 * removes every process and directory it made.
 */
package dev.calyx.testkit;
