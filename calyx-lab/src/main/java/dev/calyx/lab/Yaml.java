package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading helpers over Jackson trees whose errors name the file and the field path. */
final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {}

    static JsonNode read(Path file) {
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new LabFormatException(file + ": top level is not a mapping");
            }
            return root;
        } catch (IOException e) {
            throw new LabFormatException(file + ": cannot read YAML: " + e.getMessage(), e);
        }
    }

    static JsonNode required(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new LabFormatException(where + ": missing '" + field + "'");
        }
        return v;
    }

    static String text(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        if (!v.isValueNode()) {
            throw new LabFormatException(where + "." + field + ": want a scalar, found " + v.getNodeType());
        }
        return v.asText();
    }

    static int integer(JsonNode node, String field, String where) {
        JsonNode v = required(node, field, where);
        if (!v.canConvertToInt() && !v.asText().matches("\\d+")) {
            throw new LabFormatException(where + "." + field + ": want an integer, found '" + v.asText() + "'");
        }
        return v.isNumber() ? v.asInt() : Integer.parseInt(v.asText());
    }

    /** The list at {@code field}, empty when absent or null. */
    static List<JsonNode> list(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new LabFormatException(where + "." + field + ": want a list, found " + v.getNodeType());
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** A string-to-string map at {@code field}, empty when absent. */
    static Map<String, String> stringMap(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new LabFormatException(where + "." + field + ": want a mapping, found " + v.getNodeType());
        }
        v.properties().forEach(e -> {
            if (!e.getValue().isValueNode()) {
                throw new LabFormatException(where + "." + field + "." + e.getKey() + ": want a scalar value");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
