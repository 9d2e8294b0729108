/**
 * Values Calico writes as "number or string" ({@code api/pkg/lib/numorstring}): ports, protocols, AS numbers.
 * They decode permissively — keeping what the user wrote — and {@link dev.calyx.model.validation} reports
 * out-of-range or malformed values with their field path, so that one apply reports every problem at once.
 */
package dev.calyx.model.numorstring;
