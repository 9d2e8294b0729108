package dev.calyx.datastore.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.calyx.datastore.DatastoreException;
import dev.calyx.datastore.KeyValue;
import java.nio.charset.StandardCharsets;

/**
 * The metadata rules of Calico's clientv3 / Kubernetes, applied to raw resource JSON:
 * <ul>
 *   <li>{@code metadata.name} and {@code metadata.namespace} must agree with the {@link ResourceKey} (filled in
 *       when absent);</li>
 *   <li>{@code metadata.resourceVersion} is never stored: it is the key's modRevision, known only after the write,
 *       and is filled in whenever a resource is read or returned (as Calico's etcd backend does);</li>
 *   <li>{@code uid} and {@code creationTimestamp} are set on create and carried over on every update.</li>
 * </ul>
 */
final class ResourceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResourceJson() {}

    /** Parses the caller's JSON; it must be an object, and its name/namespace must match {@code key}. */
    static ObjectNode parse(ResourceKey key, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(key + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException(key + ": expected a JSON object, got " + node.getNodeType());
        }
        ObjectNode metadata = metadata(key, object);
        requireOrFill(key, metadata, "name", key.name());
        if (key.namespace() != null) {
            requireOrFill(key, metadata, "namespace", key.namespace());
        } else if (metadata.hasNonNull("namespace") && !metadata.get("namespace").asText().isEmpty()) {
            throw new IllegalArgumentException(key + ": metadata.namespace \"" + metadata.get("namespace").asText()
                    + "\" set on a cluster-scoped resource");
        }
        return object;
    }

    static ObjectNode metadata(ResourceKey key, ObjectNode resource) {
        JsonNode m = resource.get("metadata");
        if (m == null || m.isNull()) {
            return resource.putObject("metadata");
        }
        if (!(m instanceof ObjectNode metadata)) {
            throw new IllegalArgumentException(key + ": metadata is not a JSON object");
        }
        return metadata;
    }

    /** The resourceVersion the caller passed, or null if none. */
    static String resourceVersion(ObjectNode resource) {
        JsonNode v = resource.path("metadata").get("resourceVersion");
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** Parses a resourceVersion; it is the decimal store revision. */
    static long revision(ResourceKey key, String resourceVersion) {
        try {
            long rev = Long.parseLong(resourceVersion);
            if (rev > 0) {
                return rev;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": metadata.resourceVersion \"" + resourceVersion
                + "\" is not a resourceVersion this datastore issued");
    }

    /** The bytes to store: {@code resource} without resourceVersion. */
    static byte[] toStored(ResourceKey key, ObjectNode resource) {
        metadata(key, resource).remove("resourceVersion");
        try {
            return MAPPER.writeValueAsBytes(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(key + ": cannot serialise JSON", e);
        }
    }

    /** The stored value as the caller sees it: with resourceVersion = the write's modRevision. */
    static StoredResource fromStored(ResourceKey key, KeyValue kv) {
        try {
            ObjectNode resource = (ObjectNode) MAPPER.readTree(kv.value());
            metadata(key, resource).put("resourceVersion", Long.toString(kv.modRevision()));
            return new StoredResource(key, MAPPER.writeValueAsString(resource), kv.modRevision());
        } catch (java.io.IOException | ClassCastException | IllegalArgumentException e) {
            throw new DatastoreException(key + " (" + kv.key() + "): stored value is not a JSON resource: "
                    + new String(kv.value(), 0, Math.min(kv.value().length, 80), StandardCharsets.UTF_8), e);
        }
    }

    /** Reads a stored value as a tree (for carrying uid/creationTimestamp over). */
    static ObjectNode tree(ResourceKey key, KeyValue kv) {
        try {
            return (ObjectNode) MAPPER.readTree(kv.value());
        } catch (java.io.IOException | ClassCastException e) {
            throw new DatastoreException(key + " (" + kv.key() + "): stored value is not a JSON object", e);
        }
    }

    private static void requireOrFill(ResourceKey key, ObjectNode metadata, String field, String expected) {
        JsonNode v = metadata.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            metadata.put(field, expected);
        } else if (!v.asText().equals(expected)) {
            throw new IllegalArgumentException(key + ": metadata." + field + " \"" + v.asText()
                    + "\" does not match the key's " + field + " \"" + expected + "\"");
        }
    }
}
