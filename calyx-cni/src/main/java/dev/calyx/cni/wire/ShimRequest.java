package dev.calyx.cni.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CNI invocation as the shim saw it: the {@code CNI_*} environment entries and the raw stdin bytes.
 * The shim never parses stdin; the agent does. Encoded by {@link WireFormat}.
 *
 * @param env   the CNI_* variables, in the order they were read (names are non-empty)
 * @param stdin the request configuration exactly as the runtime wrote it
 */
public record ShimRequest(Map<String, String> env, byte[] stdin) {
    public ShimRequest {
        if (env == null || stdin == null) {
            throw new IllegalArgumentException("shim request: env and stdin must not be null");
        }
        env = Collections.unmodifiableMap(new LinkedHashMap<String, String>(env));
    }

    /** The value of a variable, or "" when unset (CNI treats empty and unset alike). */
    public String get(String name) {
        String value = env.get(name);
        return value == null ? "" : value;
    }
}
