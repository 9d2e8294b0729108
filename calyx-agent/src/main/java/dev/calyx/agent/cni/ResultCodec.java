package dev.calyx.agent.cni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calyx.cni.wire.CniError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link CniResult} in the schema of a given spec version and reads prevResult/IPAM results.
 * 0.3.x/0.4.0: ips[].version, no 1.1 fields. 1.0.0: no version, no 1.1 fields. 1.1.0: everything.
 * Empty optional fields are omitted rather than written as null or "".
 */
public final class ResultCodec {
    static final ObjectMapper JSON = new ObjectMapper();

    private ResultCodec() {
    }

    public static byte[] encode(CniResult result, String version) {
        try {
            return JSON.writeValueAsBytes(toJson(result, version));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("encode CNI result: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectNode toJson(CniResult result, String version) {
        boolean v11 = CniVersions.hasV11Fields(version);
        ObjectNode root = JSON.createObjectNode().put("cniVersion", version);
        if (!result.interfaces().isEmpty()) {
            ArrayNode interfaces = root.putArray("interfaces");
            for (CniResult.Interface i : result.interfaces()) {
                ObjectNode n = interfaces.addObject().put("name", i.name());
                putIfSet(n, "mac", i.mac());
                if (v11) {
                    i.mtu().ifPresent(m -> n.put("mtu", m));
                }
                putIfSet(n, "sandbox", i.sandbox());
                if (v11) {
                    putIfSet(n, "socketPath", i.socketPath());
                    putIfSet(n, "pciID", i.pciId());
                }
            }
        }
        if (!result.ips().isEmpty()) {
            ArrayNode ips = root.putArray("ips");
            for (CniResult.IpConfig ip : result.ips()) {
                ObjectNode n = ips.addObject();
                if (CniVersions.hasIpVersion(version)) {
                    n.put("version", ip.isIpv6() ? "6" : "4");
                }
                ip.interfaceIndex().ifPresent(idx -> n.put("interface", idx));
                n.put("address", ip.address());
                putIfSet(n, "gateway", ip.gateway());
            }
        }
        if (!result.routes().isEmpty()) {
            ArrayNode routes = root.putArray("routes");
            for (CniResult.Route r : result.routes()) {
                ObjectNode n = routes.addObject().put("dst", r.dst());
                putIfSet(n, "gw", r.gw());
                if (v11) {
                    r.mtu().ifPresent(v -> n.put("mtu", v));
                    r.advmss().ifPresent(v -> n.put("advmss", v));
                    r.priority().ifPresent(v -> n.put("priority", v));
                    r.table().ifPresent(v -> n.put("table", v));
                    r.scope().ifPresent(v -> n.put("scope", v));
                }
            }
        }
        if (!result.dns().isEmpty()) {
            ObjectNode dns = root.putObject("dns");
            CniResult.Dns d = result.dns();
            putList(dns, "nameservers", d.nameservers());
            putIfSet(dns, "domain", d.domain());
            putList(dns, "search", d.search());
            putList(dns, "options", d.options());
        }
        return root;
    }

    /** Reads a result object of any supported version (ips[].version is accepted and ignored). */
    public static CniResult decode(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new CniException(CniError.DECODING_FAILURE, what + " is not a JSON object");
        }
        try {
            List<CniResult.Interface> interfaces = new ArrayList<>();
            for (JsonNode i : node.path("interfaces")) {
                interfaces.add(new CniResult.Interface(i.path("name").asText(), i.path("mac").asText(),
                        i.path("sandbox").asText(), optInt(i, "mtu"), i.path("socketPath").asText(), i.path("pciID").asText()));
            }
            List<CniResult.IpConfig> ips = new ArrayList<>();
            for (JsonNode ip : node.path("ips")) {
                ips.add(new CniResult.IpConfig(ip.path("address").asText(null), ip.path("gateway").asText(), optInt(ip, "interface")));
            }
            List<CniResult.Route> routes = new ArrayList<>();
            for (JsonNode r : node.path("routes")) {
                routes.add(new CniResult.Route(r.path("dst").asText(null), r.path("gw").asText(), optInt(r, "mtu"),
                        optInt(r, "advmss"), optInt(r, "priority"), optInt(r, "table"), optInt(r, "scope")));
            }
            JsonNode d = node.path("dns");
            CniResult.Dns dns = new CniResult.Dns(strings(d.path("nameservers")), d.path("domain").asText(),
                    strings(d.path("search")), strings(d.path("options")));
            return new CniResult(interfaces, ips, routes, dns);
        } catch (IllegalArgumentException e) {
            throw new CniException(CniError.DECODING_FAILURE, "invalid " + what, e.getMessage());
        }
    }

    private static Optional<Integer> optInt(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asInt());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            out.add(s.asText());
        }
        return out;
    }

    private static void putIfSet(ObjectNode n, String field, String value) {
        if (!value.isEmpty()) {
            n.put(field, value);
        }
    }

    private static void putList(ObjectNode n, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(a::add);
        }
    }
}
