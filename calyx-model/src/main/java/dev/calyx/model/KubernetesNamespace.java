package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * {@code v1} Namespace; only its labels matter to calyx (they feed the profile {@code kns.<name>}). Spec and status
 * are kept opaque so real cluster output decodes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubernetesNamespace(ObjectMeta metadata, Map<String, Object> spec, Map<String, Object> status)
        implements Resource {
    public KubernetesNamespace withMetadata(ObjectMeta m) {
        return new KubernetesNamespace(m, spec, status);
    }
}
