package dev.calyx.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.calyx.datastore.DatastoreConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Each etcd endpoint of an {@code etcd:} datastore must answer: a TCP connect first (so "connection refused" and
 * "no route" are told apart from an HTTP problem), then {@code GET /version}, which also yields the server
 * version. One row per endpoint; SKIP when the datastore is not etcd.
 */
public final class EtcdCheck implements Check {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "etcd";
    }

    @Override
    public List<CheckResult> run(PreflightContext ctx) {
        if (ctx.datastore().isEmpty()) {
            return List.of(CheckResult.skip("etcd", "no --datastore given"));
        }
        DatastoreConfig cfg;
        try {
            cfg = DatastoreConfig.parse(ctx.datastore().get());
        } catch (IllegalArgumentException e) {
            return List.of(CheckResult.skip("etcd", e.getMessage() + " (reported by the datastore row)"));
        }
        if (!cfg.scheme().equals("etcd")) {
            return List.of(CheckResult.skip("etcd", "datastore is " + cfg.scheme() + ", not etcd"));
        }
        List<CheckResult> out = new ArrayList<>();
        for (String endpoint : cfg.locations()) {
            out.add(probe(endpoint.strip(), ctx));
        }
        return out;
    }

    static CheckResult probe(String endpoint, PreflightContext ctx) {
        String name = "etcd " + endpoint;
        URI uri;
        try {
            uri = URI.create(endpoint.contains("://") ? endpoint : "http://" + endpoint);
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(name, "not a URL: " + e.getMessage(), "write endpoints as http(s)://HOST:PORT");
        }
        if (uri.getHost() == null) {
            return CheckResult.fail(name, "no host in " + endpoint, "write endpoints as http(s)://HOST:PORT");
        }
        int port = uri.getPort() < 0 ? 2379 : uri.getPort();
        String fix = "start etcd at " + uri.getHost() + ":" + port + " or fix the endpoint in --datastore";
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), (int) ctx.timeout().toMillis());
        } catch (IOException e) {
            return CheckResult.fail(name, "TCP connect to " + uri.getHost() + ":" + port + " failed: " + e.getMessage(),
                    fix);
        }
        URI version = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + port + "/version");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(ctx.timeout()).build()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(version).timeout(ctx.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return CheckResult.fail(name, "GET " + version + " answered HTTP " + r.statusCode(), fix);
            }
            JsonNode v = JSON.readTree(r.body());
            return CheckResult.pass(name, "reachable; etcd server " + v.path("etcdserver").asText("?") + ", cluster "
                    + v.path("etcdcluster").asText("?"));
        } catch (IOException e) {
            return CheckResult.fail(name, "TCP connect ok but GET " + version + " failed: " + e, fix
                    + " (for TLS endpoints check the scheme and certificates)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.skip(name, "interrupted");
        }
    }
}
