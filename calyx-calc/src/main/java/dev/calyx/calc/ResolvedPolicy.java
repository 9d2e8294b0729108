package dev.calyx.calc;

import java.util.List;

/**
 * The rules of an active policy or profile, shared by every endpoint that refers to it by key: kernel state is
 * one copy per policy, not one per (endpoint, policy). A policy carries only the directions its {@code types}
 * enable; a profile that is referenced but missing resolves to no rules (fail closed, like Felix's dummy drop).
 */
public record ResolvedPolicy(List<ResolvedRule> ingress, List<ResolvedRule> egress) {
    public static final ResolvedPolicy EMPTY = new ResolvedPolicy(List.of(), List.of());

    public ResolvedPolicy {
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }
}
