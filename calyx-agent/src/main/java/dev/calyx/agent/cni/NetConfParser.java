package dev.calyx.agent.cni;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calyx.cni.wire.CniError;
import dev.calyx.cni.wire.CniProtocol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * stdin bytes → {@link NetConf}, in skel's order: JSON (code 6), name (7), cniVersion (6 if not a
 * version, 1 if unsupported), then plugin fields (7 naming the field). Unknown keys are ignored:
 * runtimes inject args, runtimeConfig, prevResult and cni.dev/* keys we may not know about.
 */
public final class NetConfParser {
    static final String VALID_ATTACHMENTS = "cni.dev/valid-attachments";
    static final String LEGACY_ATTACHMENTS = "cni.dev/attachments";

    private NetConfParser() {
    }

    public static NetConf parse(byte[] stdin) {
        ObjectNode root = readObject(stdin);
        JsonNode nameNode = root.get("name");
        if (nameNode == null || nameNode.isNull() || nameNode.asText().isEmpty()) {
            throw new CniException(CniError.INVALID_CONFIG, "missing network name");
        }
        String name = nameNode.asText();
        if (!nameNode.isTextual() || !CniProtocol.isValidName(name)) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid network name \"" + name + "\"",
                    "network names must match ^[a-zA-Z0-9][a-zA-Z0-9_.\\-]*$");
        }
        String version = CniVersions.requireSupported(version(root));
        String type = text(root, "type");
        if (type.isEmpty()) {
            throw new CniException(CniError.INVALID_CONFIG, "missing plugin type", "network " + name);
        }
        return new NetConf(version, name, type, ipam(root), mtu(root), dns(root.path("dns")),
                objectOrEmpty(root, "runtimeConfig"), capabilities(root), prevResult(root),
                text(root, "nodename"), text(root, "nodename_file"), text(root, "datastore_type"),
                text(root, "log_level"), text(root, "log_file_path"), attachments(root), root);
    }

    private static ObjectNode readObject(byte[] stdin) {
        JsonNode node;
        try {
            node = ResultCodec.JSON.readTree(stdin);
        } catch (JsonProcessingException e) {
            throw new CniException(CniError.DECODING_FAILURE, "error unmarshalling network config: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CniException(CniError.IO_FAILURE, "error reading network config: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new CniException(CniError.DECODING_FAILURE, "error unmarshalling network config: empty input");
        }
        if (!node.isObject()) {
            throw new CniException(CniError.DECODING_FAILURE, "error unmarshalling network config: not a JSON object");
        }
        return (ObjectNode) node;
    }

    private static String version(ObjectNode root) {
        JsonNode v = root.get("cniVersion");
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return CniVersions.IMPLICIT;
        }
        if (!v.isTextual()) {
            throw new CniException(CniError.DECODING_FAILURE, "could not parse cniVersion " + v, "cniVersion must be a string");
        }
        return v.asText();
    }

    private static Optional<NetConf.IpamConf> ipam(ObjectNode root) {
        JsonNode ipam = root.get("ipam");
        if (ipam == null || ipam.isNull()) {
            return Optional.empty();
        }
        if (!ipam.isObject()) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid ipam section", "ipam must be an object");
        }
        ObjectNode o = (ObjectNode) ipam;
        String type = text(o, "type");
        if (type.isEmpty() || type.contains("/") || type.contains("\\")) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid ipam.type \"" + type + "\"",
                    "ipam.type must name a plugin binary (e.g. calyx-ipam, host-local)");
        }
        return Optional.of(new NetConf.IpamConf(type, text(o, "subnet"), flag(o, "assign_ipv4", true),
                flag(o, "assign_ipv6", false), strings(o, "ipv4_pools"), strings(o, "ipv6_pools"), o));
    }

    private static int mtu(ObjectNode root) {
        JsonNode mtu = root.get("mtu");
        if (mtu == null || mtu.isNull()) {
            return 0;
        }
        if (!mtu.canConvertToInt() || !mtu.isIntegralNumber() || mtu.asInt() < 0 || mtu.asInt() > 65535) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid mtu " + mtu, "mtu must be an integer 0..65535 (0 = auto)");
        }
        return mtu.asInt();
    }

    private static CniResult.Dns dns(JsonNode d) {
        return new CniResult.Dns(strings(d, "nameservers"), d.path("domain").asText(), strings(d, "search"), strings(d, "options"));
    }

    private static Map<String, Boolean> capabilities(ObjectNode root) {
        Map<String, Boolean> caps = new LinkedHashMap<>();
        root.path("capabilities").properties().forEach(e -> caps.put(e.getKey(), e.getValue().asBoolean(false)));
        return caps;
    }

    private static Optional<CniResult> prevResult(ObjectNode root) {
        JsonNode prev = root.get("prevResult");
        return prev == null || prev.isNull() ? Optional.empty() : Optional.of(ResultCodec.decode(prev, "prevResult"));
    }

    private static Optional<List<NetConf.Attachment>> attachments(ObjectNode root) {
        String key = root.has(VALID_ATTACHMENTS) ? VALID_ATTACHMENTS : root.has(LEGACY_ATTACHMENTS) ? LEGACY_ATTACHMENTS : null;
        if (key == null) {
            return Optional.empty();
        }
        JsonNode list = root.get(key);
        if (!list.isNull() && !list.isArray()) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid " + key, key + " must be a list of {containerID, ifname}");
        }
        List<NetConf.Attachment> out = new ArrayList<>();
        for (JsonNode a : list) {
            String cid = a.path("containerID").asText();
            if (cid.isEmpty()) {
                throw new CniException(CniError.INVALID_CONFIG, "invalid " + key + " entry " + a, "containerID is required");
            }
            out.add(new NetConf.Attachment(cid, a.path("ifname").asText()));
        }
        return Optional.of(out);
    }

    private static ObjectNode objectOrEmpty(ObjectNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isObject() ? (ObjectNode) n : ResultCodec.JSON.createObjectNode();
    }

    /** A string field, "" when absent; code 7 naming the field when present with another type. */
    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid " + field + " " + n, field + " must be a string");
        }
        return n.asText();
    }

    /** Calico's *string booleans ("true"/"false"); real JSON booleans are accepted too. */
    private static boolean flag(JsonNode o, String field, boolean dflt) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return dflt;
        }
        String s = n.asText();
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new CniException(CniError.INVALID_CONFIG, "invalid ipam." + field + " " + n, field + " must be \"true\" or \"false\"");
        }
        return s.equalsIgnoreCase("true");
    }

    private static List<String> strings(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : o.path(field)) {
            out.add(s.asText());
        }
        return out;
    }
}
