/**
 * The host's routes to local workloads as a desired set reconciled against the kernel
 * ({@link dev.calyx.dataplane.routes.HostRoutes}); ownership by routing protocol number
 * ({@link dev.calyx.dataplane.routes.OwnedRoutes}).
 */
package dev.calyx.dataplane.routes;
