/**
 * The nftables policy dataplane: {@link dev.calyx.dataplane.policy.PolicyRenderer} turns the calc graph's desired
 * state into the objects of one {@code inet calyx} table, and {@link dev.calyx.dataplane.policy.PolicyManager}
 * applies the difference to the kernel as one atomic transaction per pass and repairs drift on resync.
 */
package dev.calyx.dataplane.policy;
