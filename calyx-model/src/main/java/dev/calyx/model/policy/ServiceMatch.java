package dev.calyx.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Match on a Kubernetes Service's endpoints. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceMatch(String name, String namespace) {
}
