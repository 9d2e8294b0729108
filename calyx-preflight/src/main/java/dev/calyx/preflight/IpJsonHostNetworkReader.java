package dev.calyx.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link HostNetwork} with iproute2's JSON output ({@code ip -j}), read-only: {@code show} commands only.
 * With a netns name it reads that namespace ({@code ip -n NAME}); tests use that to stage overlapping routes
 * without touching the host.
 */
public final class IpJsonHostNetworkReader implements HostNetworkReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Optional<String> netns;
    private final Duration timeout;

    public IpJsonHostNetworkReader(Optional<String> netns, Duration timeout) {
        this.netns = netns;
        this.timeout = timeout;
    }

    @Override
    public HostNetwork read() {
        List<HostNetwork.Link> links = new ArrayList<>();
        List<HostNetwork.Address> addrs = new ArrayList<>();
        for (JsonNode l : ip("-d", "addr", "show")) {
            String name = l.path("ifname").asText();
            links.add(new HostNetwork.Link(name, l.path("mtu").asInt(), l.path("operstate").asText().equals("UP")
                    || l.path("operstate").asText().equals("UNKNOWN") && hasFlag(l, "UP"),
                    l.path("linkinfo").path("info_kind").asText(""), l.path("link_type").asText("")));
            for (JsonNode a : l.path("addr_info")) {
                String local = a.path("local").asText();
                addrs.add(new HostNetwork.Address(name, IpPrefix.parse(local).addressText(),
                        IpPrefix.of(local, a.path("prefixlen").asInt())));
            }
        }
        List<HostNetwork.Route> routes = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (JsonNode r : ip(family, "route", "show", "table", "main")) {
                String dst = r.path("dst").asText();
                IpPrefix prefix = dst.equals("default") ? IpPrefix.parse(family.equals("-4") ? "0.0.0.0/0" : "::/0")
                        : IpPrefix.parse(dst);
                routes.add(new HostNetwork.Route(prefix, r.path("dev").asText(""), r.path("gateway").asText(""),
                        r.path("type").asText("unicast")));
            }
        }
        return new HostNetwork(links, addrs, routes);
    }

    private static boolean hasFlag(JsonNode link, String flag) {
        for (JsonNode f : link.path("flags")) {
            if (f.asText().equals(flag)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode ip(String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-j"));
        netns.ifPresent(n -> argv.addAll(List.of("-n", n)));
        argv.addAll(List.of(args));
        Exec.Result r = Exec.run(timeout, null, argv);
        if (!r.ok()) {
            throw new IllegalStateException(r.commandLine() + ": " + r.message());
        }
        try {
            JsonNode n = JSON.readTree(r.stdout().isBlank() ? "[]" : r.stdout());
            return n == null ? JSON.createArrayNode() : n;
        } catch (IOException e) {
            throw new IllegalStateException(r.commandLine() + ": unparseable JSON: " + e.getMessage(), e);
        }
    }
}
