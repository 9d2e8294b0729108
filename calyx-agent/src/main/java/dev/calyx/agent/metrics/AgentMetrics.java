package dev.calyx.agent.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.function.IntSupplier;

/**
 * The agent's Prometheus metrics, in a registry of its own (several agents in one JVM, as tests and the lab run
 * them, must not share counters): CNI requests by command and result, CNI latency by command, live endpoints on
 * this node, IPAM blocks affine to this node. Served on {@code /metrics}.
 *
 * <p>Thread-safe (the client library's instruments are).
 */
public final class AgentMetrics implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram latency;
    private HTTPServer server;

    public AgentMetrics(IntSupplier endpoints, IntSupplier ipamBlocks) {
        requests = Counter.builder().name("calyx_cni_requests_total")
                .help("CNI requests served by the node agent, by command and result (ok or the CNI error code)")
                .labelNames("command", "result").register(registry);
        latency = Histogram.builder().name("calyx_cni_request_duration_seconds")
                .help("Time the node agent took to serve a CNI request, by command")
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .labelNames("command").register(registry);
        GaugeWithCallback.builder().name("calyx_endpoints").help("Workload endpoints wired on this node")
                .callback(cb -> cb.call(endpoints.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("calyx_ipam_blocks").help("IPAM blocks affine to this node")
                .callback(cb -> cb.call(ipamBlocks.getAsInt())).register(registry);
    }

    public void recordCni(String command, String result, double seconds) {
        requests.labelValues(command, result).inc();
        latency.labelValues(command).observe(seconds);
    }

    public AgentMetrics serve(String bind, int port) throws IOException {
        server = HTTPServer.builder().hostname(bind).port(port).registry(registry).buildAndStart();
        return this;
    }

    public int port() {
        return server.getPort();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
