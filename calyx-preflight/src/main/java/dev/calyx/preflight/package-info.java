/**
 * Host preflight: everything that makes a Calico-style install fail on the host rather than in calyx, checked
 * before anything is installed ({@code calyx preflight}) and again by the node agent at start.
 *
 * <p>Entry points: {@link dev.calyx.preflight.Preflight#standard()} runs every {@link dev.calyx.preflight.Check}
 * against a {@link dev.calyx.preflight.PreflightContext} (planned mode, pools, datastore, injectable
 * {@link dev.calyx.preflight.HostPaths}) and returns a {@link dev.calyx.preflight.PreflightReport} of
 * {@link dev.calyx.preflight.CheckResult}s (PASS / WARN / FAIL / SKIP, evidence, fix, what a finding rules out).
 * {@link dev.calyx.preflight.NetworkManagerFix} is the only code here that changes the host.
 *
 * <p>Ground rule: checks read; the kernel probes create their test objects only inside a scratch network
 * namespace they delete afterwards ({@link dev.calyx.preflight.ScratchNetns}); ports are bound for an instant and
 * released.
 */
package dev.calyx.preflight;
