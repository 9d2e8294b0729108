/**
 * The calyx node agent ({@code calyx node run}): {@link dev.calyx.agent.NodeAgent} starts everything in order
 * from an {@link dev.calyx.agent.AgentConfig}. Subpackages, one concern each: {@code cni} the CNI protocol,
 * {@code pod} Calico's CNI semantics ({@code AgentCniHandler}), {@code loop} the single dataplane event loop,
 * {@code node} the Node resource, default pool, preflight and STATUS, {@code health} and {@code metrics}.
 */
package dev.calyx.agent;
