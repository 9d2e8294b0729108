/**
 * Calico v3 resources over any {@link dev.calyx.datastore.KvStore}, in Calico's etcd key layout:
 * {@link dev.calyx.datastore.resource.ResourceClient} keyed by {@link dev.calyx.datastore.resource.ResourceKey}.
 * JSON stays raw here; the typed model layer wraps this client.
 */
package dev.calyx.datastore.resource;
