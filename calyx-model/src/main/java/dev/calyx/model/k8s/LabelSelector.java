package dev.calyx.model.k8s;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.Maps;

import java.util.List;
import java.util.Map;

/** Kubernetes {@code metav1.LabelSelector}: matchLabels ANDed with matchExpressions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
    public LabelSelector {
        matchLabels = matchLabels == null ? null : Maps.copyOrdered(matchLabels);
        matchExpressions = matchExpressions == null ? null : List.copyOf(matchExpressions);
    }

    public static final LabelSelector EVERYTHING = new LabelSelector(null, null);

    /** No terms: selects everything. (Not a JSON property.) */
    @JsonIgnore
    public boolean isEmpty() {
        return (matchLabels == null || matchLabels.isEmpty())
                && (matchExpressions == null || matchExpressions.isEmpty());
    }

    /** {@code key operator values}; operator In, NotIn, Exists or DoesNotExist. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requirement(String key, String operator, List<String> values) {
        public Requirement {
            values = values == null ? null : List.copyOf(values);
        }
    }
}
