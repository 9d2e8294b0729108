/** calyx-datastore. */
package dev.calyx.datastore;
