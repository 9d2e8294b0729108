package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A BGP password source: {@code {secretKeyRef: {name, key, optional}}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretKeyRef(Selector secretKeyRef) {

    /** Kubernetes SecretKeySelector. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Selector(String name, String key, Boolean optional) {
    }
}
