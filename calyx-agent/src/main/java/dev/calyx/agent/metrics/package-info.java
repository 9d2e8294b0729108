/** Prometheus metrics of the agent (port 9091): CNI requests, latency, endpoints, IPAM blocks. */
package dev.calyx.agent.metrics;
