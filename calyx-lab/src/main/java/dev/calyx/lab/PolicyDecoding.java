package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.codec.ResourceCodec;

/** Turns an applied case object (a Jackson tree) into the model's {@link KubernetesNetworkPolicy}. */
public final class PolicyDecoding {
    private PolicyDecoding() {}

    public static KubernetesNetworkPolicy decode(JsonNode policy, String where) {
        try {
            return ResourceCodec.INSTANCE.decode(policy.toString(), KubernetesNetworkPolicy.class);
        } catch (RuntimeException e) {
            throw new LabFormatException(where + ": applied object is not a valid NetworkPolicy: "
                    + e.getMessage(), e);
        }
    }
}
