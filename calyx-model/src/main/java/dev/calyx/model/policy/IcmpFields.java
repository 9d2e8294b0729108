package dev.calyx.model.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** ICMP type (0–254) and code (0–255); a code requires a type (kernel limitation). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IcmpFields(Integer type, Integer code) {
}
