/**
 * calyx-model: records for every {@code projectcalico.org/v3} kind (and the Kubernetes kinds calyx consumes),
 * with Calico's JSON field names, so users' Calico manifests decode unchanged.
 *
 * <p>Model: each kind is a record {@code (metadata, spec)} implementing the sealed {@link dev.calyx.model.Resource};
 * specs are nested records whose components are named exactly like Calico's JSON properties. Optional fields are
 * nullable boxed values so that "as written" survives a decode/encode round trip (Calico's {@code omitempty}).
 * Enumerated values stay strings: an unknown value is a validation error naming the field, not a parse failure.
 * Defaults ({@link dev.calyx.model.defaults}) and validation ({@link dev.calyx.model.validation}) are separate,
 * explicit steps, as in Calico's clientv3. No I/O here besides parsing the bytes/strings given.
 */
package dev.calyx.model;
