/**
 * Kubernetes shapes calyx consumes ({@code networking.k8s.io/v1} NetworkPolicy parts, label selectors) and their
 * conversion to Calico resources the way Calico's controllers do it ({@link dev.calyx.model.k8s.K8sPolicyConverter},
 * {@link dev.calyx.model.k8s.NamespaceProfiles}).
 */
package dev.calyx.model.k8s;
