package dev.calyx.ipam;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Who owns one or more allocations of a block: the handle and the owner's attributes ({@code namespace}, {@code pod},
 * {@code node}, {@code type}...). Field names are Calico's ({@code AllocationAttribute} in libcalico-go).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AllocationAttribute(
        @JsonProperty("handle_id") @JsonInclude(JsonInclude.Include.ALWAYS) String handleId,
        @JsonProperty("secondary") @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, String> activeOwnerAttrs,
        @JsonProperty("alternate") Map<String, String> alternateOwnerAttrs,
        @JsonProperty("releasedAt") String releasedAt) {
    public AllocationAttribute {
        activeOwnerAttrs = activeOwnerAttrs == null ? Map.of() : Map.copyOf(activeOwnerAttrs);
        alternateOwnerAttrs = alternateOwnerAttrs == null ? Map.of() : Map.copyOf(alternateOwnerAttrs);
    }

    public static AllocationAttribute of(String handleId, Map<String, String> attrs) {
        return new AllocationAttribute(handleId, attrs, Map.of(), null);
    }
}
