/** etcd v3 backend of the datastore SPI. */
package dev.calyx.datastore.etcd;
