/**
 * One workload endpoint's kernel objects, wired the way Calico's CNI plugin does it ({@code dataplane_linux.go}): a
 * veth pair with the container end created directly in the container's namespace, the gateway trick (169.254.1.1
 * answered by proxy ARP from {@code ee:ee:ee:ee:ee:ee}), /32 and /128 addresses and host routes.
 *
 * <p>Entry points: {@link dev.calyx.dataplane.endpoint.EndpointWiring} (CNI ADD/DEL/CHECK),
 * {@link dev.calyx.dataplane.endpoint.EndpointReconciler} (agent restart), {@link dev.calyx.dataplane.endpoint.HostMtu}
 * and {@link dev.calyx.dataplane.endpoint.VethNames}.
 */
package dev.calyx.dataplane.endpoint;
