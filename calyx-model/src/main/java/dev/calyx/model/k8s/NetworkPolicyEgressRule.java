package dev.calyx.model.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Allowed destinations ({@code to}, empty = everywhere) on {@code ports} (empty = all ports). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkPolicyEgressRule(List<NetworkPolicyPort> ports, List<NetworkPolicyPeer> to) {
    public NetworkPolicyEgressRule {
        ports = ports == null ? null : List.copyOf(ports);
        to = to == null ? null : List.copyOf(to);
    }
}
