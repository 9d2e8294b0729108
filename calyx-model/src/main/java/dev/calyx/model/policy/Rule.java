package dev.calyx.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.Protocol;

/**
 * One policy rule: match criteria (all ANDed) and an action ({@code Allow | Deny | Log | Pass}). The action
 * stays a string so an unknown action is reported by validation with its path.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(
        String action,
        Integer ipVersion,
        Protocol protocol,
        IcmpFields icmp,
        Protocol notProtocol,
        IcmpFields notICMP,
        EntityRule source,
        EntityRule destination,
        HttpMatch http,
        RuleMetadata metadata) {

    public static Rule allow() {
        return new Rule("Allow", null, null, null, null, null, null, null, null, null);
    }

    public Rule withProtocol(Protocol p) {
        return new Rule(action, ipVersion, p, icmp, notProtocol, notICMP, source, destination, http, metadata);
    }

    public Rule withSource(EntityRule e) {
        return new Rule(action, ipVersion, protocol, icmp, notProtocol, notICMP, e, destination, http, metadata);
    }

    public Rule withDestination(EntityRule e) {
        return new Rule(action, ipVersion, protocol, icmp, notProtocol, notICMP, source, e, http, metadata);
    }

    /** Source criteria, never null (an absent source matches everything). */
    public EntityRule sourceOrEmpty() {
        return source == null ? EntityRule.EMPTY : source;
    }

    /** Destination criteria, never null. */
    public EntityRule destinationOrEmpty() {
        return destination == null ? EntityRule.EMPTY : destination;
    }
}
