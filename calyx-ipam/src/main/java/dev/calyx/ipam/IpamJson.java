package dev.calyx.ipam;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** The one Jackson mapper for IPAM's records: unknown fields tolerated (Calico adds fields over releases). */
public final class IpamJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private IpamJson() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("encode " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes the value stored at {@code key}; the error names the key, so a corrupt object can be found. */
    public static <T> T read(String key, byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IpamException("decode " + key + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static JsonNode tree(String key, byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IpamException("decode " + key + ": " + e.getMessage(), e);
        }
    }
}
