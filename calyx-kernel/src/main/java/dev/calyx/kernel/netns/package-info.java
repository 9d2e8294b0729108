/**
 * Network namespaces: {@link dev.calyx.kernel.netns.Netns} creates, deletes and opens named namespaces exactly as
 * {@code ip netns} does, and runs code inside one on a fresh platform thread that never outlives the task.
 */
package dev.calyx.kernel.netns;
