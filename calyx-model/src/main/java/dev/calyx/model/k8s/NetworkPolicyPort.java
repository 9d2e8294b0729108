package dev.calyx.model.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.calyx.model.numorstring.IntOrString;

/** A NetworkPolicy port: protocol (default TCP), port number or name, optional endPort. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkPolicyPort(String protocol, IntOrString port, Integer endPort) {
}
