package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** A pool of addresses for block IPAM (calico.md §2.1). Defaults: blockSize 26/122, modes Never, all(). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IPPool(ObjectMeta metadata, Spec spec, Map<String, Object> status) implements Resource {

    public IPPool withMetadata(ObjectMeta m) {
        return new IPPool(m, spec, status);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            String cidr,
            String vxlanMode,
            String ipipMode,
            Boolean natOutgoing,
            Boolean disabled,
            Boolean disableBGPExport,
            Integer blockSize,
            String nodeSelector,
            String namespaceSelector,
            IpipConfiguration ipip,
            @JsonProperty("nat-outgoing") Boolean natOutgoingV1,
            List<String> allowedUses,
            String assignmentMode) {

        public Spec {
            allowedUses = allowedUses == null ? null : List.copyOf(allowedUses);
        }

        public static Spec of(String cidr) {
            return new Spec(cidr, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Deprecated APIv1 field; Calico refuses it being set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IpipConfiguration(Boolean enabled, String mode) {
    }
}
