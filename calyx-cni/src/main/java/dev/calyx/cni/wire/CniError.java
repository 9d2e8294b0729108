package dev.calyx.cni.wire;

import java.nio.charset.StandardCharsets;

/**
 * A CNI error object: {@code {"cniVersion":…,"code":N,"msg":"…","details":"…"}}, printed on stdout
 * with a non-zero exit. Codes 1–99 keep their spec meaning; calyx's own start at 100.
 * Encoded by hand: the shim has no JSON library and this is the only JSON it writes besides VERSION.
 *
 * @param code    CNI error code (see the constants)
 * @param msg     short message, never empty
 * @param details longer explanation, or "" (then omitted from the JSON)
 */
public record CniError(int code, String msg, String details) {
    public static final int INCOMPATIBLE_VERSION = 1;
    public static final int UNSUPPORTED_FIELD = 2;
    public static final int UNKNOWN_CONTAINER = 3;
    public static final int INVALID_ENVIRONMENT = 4;
    public static final int IO_FAILURE = 5;
    public static final int DECODING_FAILURE = 6;
    public static final int INVALID_CONFIG = 7;
    public static final int TRY_AGAIN_LATER = 11;
    public static final int NOT_AVAILABLE = 50;
    public static final int NOT_AVAILABLE_LIMITED_CONNECTIVITY = 51;
    /** calyx-specific: an unexpected failure inside the agent (Go plugins use 999 the same way). */
    public static final int INTERNAL = 999;

    public CniError {
        if (code <= 0) {
            throw new IllegalArgumentException("CNI error code must be positive, got " + code);
        }
        if (msg == null || msg.isEmpty()) {
            throw new IllegalArgumentException("CNI error " + code + ": msg must not be empty");
        }
        details = details == null ? "" : details;
    }

    /** The error object as UTF-8 JSON; cniVersion is included when known (non-empty). */
    public byte[] toJson(String cniVersion) {
        StringBuilder json = new StringBuilder(64 + msg.length() + details.length());
        json.append('{');
        if (cniVersion != null && !cniVersion.isEmpty()) {
            json.append("\"cniVersion\":");
            quote(json, cniVersion);
            json.append(',');
        }
        json.append("\"code\":").append(code).append(",\"msg\":");
        quote(json, msg);
        if (!details.isEmpty()) {
            json.append(",\"details\":");
            quote(json, details);
        }
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends s as a JSON string literal (RFC 8259 escaping). */
    public static void quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00");
                        json.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
