package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A policy tier: {@code order} (nil = last) and {@code defaultAction} Deny (default) or Pass (calico.md §3.7). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tier(ObjectMeta metadata, Spec spec) implements Resource {
    public static final String DEFAULT = "default";
    public static final String KUBE_ADMIN = "kube-admin";
    public static final String KUBE_BASELINE = "kube-baseline";
    public static final double DEFAULT_ORDER = 1_000_000;
    public static final double KUBE_ADMIN_ORDER = 1_000;
    public static final double KUBE_BASELINE_ORDER = 10_000_000;

    public Tier withMetadata(ObjectMeta m) {
        return new Tier(m, spec);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(Double order, String defaultAction) {
    }
}
