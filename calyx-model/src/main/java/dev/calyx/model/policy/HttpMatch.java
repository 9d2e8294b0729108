package dev.calyx.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Application-layer match (Allow rules only): HTTP methods and paths, each list ORed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpMatch(List<String> methods, List<HttpPath> paths) {
    public HttpMatch {
        methods = methods == null ? null : List.copyOf(methods);
        paths = paths == null ? null : List.copyOf(paths);
    }

    /** Exactly one of {@code exact} or {@code prefix}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HttpPath(String exact, String prefix) {
    }
}
