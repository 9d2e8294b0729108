package dev.calyx.agent.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Felix-style health endpoints (calico.md §8): {@code GET /liveness} is 200 while the agent's event loop answers,
 * {@code GET /readiness} is 200 once the agent serves CNI and 503 before that and while shutting down.
 * Plain-text bodies ("ready", "not ready") so {@code curl -f} and kubelet probes both work.
 */
public final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    public static HealthServer start(String bind, int port, BooleanSupplier live, BooleanSupplier ready)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        server.createContext("/liveness", ex -> answer(ex, live.getAsBoolean(), "live", "not live"));
        server.createContext("/readiness", ex -> answer(ex, ready.getAsBoolean(), "ready", "not ready"));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return new HealthServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange ex, boolean ok, String yes, String no) throws IOException {
        try (ex) {
            byte[] body = ((ok ? yes : no) + "\n").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(ok ? 200 : 503, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
