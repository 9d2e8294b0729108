package dev.calyx.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Match on the pod's service account, by names and/or a label selector (ANDed). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceAccountMatch(List<String> names, String selector) {
    public ServiceAccountMatch {
        names = names == null ? null : List.copyOf(names);
    }
}
