/**
 * Calico's validation rules ({@code libcalico-go/lib/validator/v3} and the CRD schema/CEL rules), applied to
 * decoded resources. {@link dev.calyx.model.validation.Validator#validate} returns every problem of an object as a
 * {@link dev.calyx.model.validation.FieldError} naming the JSON path ({@code spec.ingress[0].destination.ports[1]});
 * where Calico has its own message text ours contains it.
 */
package dev.calyx.model.validation;
