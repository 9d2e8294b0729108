/**
 * The agent's one dataplane event loop ({@link dev.calyx.agent.loop.DataplaneLoop}) and the local workload
 * dataplane that lives on it ({@link dev.calyx.agent.loop.LocalDataplane}); ARCHITECTURE §2.
 */
package dev.calyx.agent.loop;
