package dev.calyx.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.Maps;

import java.util.Map;

/** Free-form annotations attached to a rule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleMetadata(Map<String, String> annotations) {
    public RuleMetadata {
        annotations = annotations == null ? null : Maps.copyOrdered(annotations);
    }
}
