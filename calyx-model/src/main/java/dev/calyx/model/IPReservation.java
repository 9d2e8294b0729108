package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Addresses IPAM must not hand out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IPReservation(ObjectMeta metadata, Spec spec) implements Resource {
    public IPReservation withMetadata(ObjectMeta m) {
        return new IPReservation(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(List<String> reservedCIDRs) {
        public Spec {
            reservedCIDRs = reservedCIDRs == null ? null : List.copyOf(reservedCIDRs);
        }
    }
}
