/**
 * The calculation graph: Calico resources in, this node's desired policy state out. Pure (no I/O, threads or
 * clocks), deterministic, single-threaded, flushed explicitly.
 *
 * <p>Entry point {@link dev.calyx.calc.CalcGraph}: {@code onUpdate(Resource)}, {@code onDelete(ResourceKey)},
 * {@code flush()}. Output through {@link dev.calyx.calc.DataplaneCallbacks} (what the nft policy renderer
 * implements) or as one value, {@link dev.calyx.calc.DesiredState}.
 *
 * <p>How a renderer reads the output (Felix's semantics, {@code felix/rules/endpoints.go}):
 * <ol>
 *   <li>per local endpoint and direction, walk {@link dev.calyx.calc.EndpointPolicy#ingress()} (or egress) tier
 *       by tier; in a tier, evaluate the policies in order: the first rule that matches decides
 *       ({@code ALLOW} accepts, {@code DENY} drops, {@code PASS} jumps to the next tier, {@code LOG} logs and
 *       continues); if no policy of the tier decided, apply the tier's {@code defaultAction};</li>
 *   <li>if no tier decided (there were none, or the last one passed), evaluate the profiles in order the same
 *       way; if none allows, drop;</li>
 *   <li>rule matching is described on {@link dev.calyx.calc.RuleMatch}; IP-set ids map to kernel set names
 *       ({@code cali40} + id, truncated as Calico does) and members to elements.</li>
 * </ol>
 * For a workload endpoint, ingress is traffic to the pod and egress traffic from it; for a host endpoint,
 * ingress is traffic into the host through the interface and egress traffic out of it.
 *
 * <p>Host endpoints also carry {@link dev.calyx.calc.HostStages}: doNotTrack (raw, both directions), preDNAT
 * (ingress only) and applyOnForward (forward) tier lists; doNotTrack and preDNAT policies never enter the normal
 * lists, and workload endpoints ignore them.
 *
 * <p>Not computed: {@code services} and {@code http} rule matches are dropped; staged policies are ignored (they
 * never enforce); Pods are not inputs (feed their WorkloadEndpoints).
 */
package dev.calyx.calc;
