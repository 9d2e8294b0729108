/** Calico's defaulting on write (clientv3 and CRD schema defaults), as an explicit step before validation. */
package dev.calyx.model.defaults;
