package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.calyx.model.numorstring.AsNumber;

import java.util.List;

/** Import/export route filters referenced by BGPPeer {@code filters}. V4 and V6 rules share one shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BGPFilter(ObjectMeta metadata, Spec spec) implements Resource {
    public BGPFilter withMetadata(ObjectMeta m) {
        return new BGPFilter(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(List<FilterRule> exportV4, List<FilterRule> importV4, List<FilterRule> exportV6,
                       List<FilterRule> importV6) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FilterRule(
            String cidr,
            PrefixLength prefixLength,
            String source,
            @JsonProperty("interface") String interfaceName,
            String matchOperator,
            String peerType,
            CommunityMatch communities,
            List<AsNumber> asPathPrefix,
            Long priority,
            String action,
            List<Operation> operations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrefixLength(Integer min, Integer max) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommunityMatch(List<String> values) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(AddCommunity addCommunity, PrependAsPath prependASPath, SetPriority setPriority) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddCommunity(String value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrependAsPath(List<AsNumber> prefix) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SetPriority(Long value) {
    }
}
