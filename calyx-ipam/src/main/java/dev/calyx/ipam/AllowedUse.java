package dev.calyx.ipam;

/** What a pool's addresses may be used for (IPPool {@code spec.allowedUses}); Calico's spelling. */
public enum AllowedUse {
    Workload,
    Tunnel,
    LoadBalancer
}
