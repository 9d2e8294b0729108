package dev.calyx.cli.install;

import dev.calyx.preflight.IpPrefix;
import java.util.List;
import java.util.Optional;

/**
 * Picks quickstart's default pool: 10.244.0.0/16 (Calico's and kubeadm's usual pod CIDR) unless a host route
 * overlaps it, then the next free /16 of 10.245-10.250, saying why. The default route is ignored: it overlaps
 * everything by definition.
 */
public record PoolChoice(IpPrefix pool, Optional<String> reason) {
    public static final List<String> CANDIDATES = List.of("10.244.0.0/16", "10.245.0.0/16", "10.246.0.0/16",
            "10.247.0.0/16", "10.248.0.0/16", "10.249.0.0/16", "10.250.0.0/16");

    public static PoolChoice pick(List<IpPrefix> hostRoutes) {
        String firstClash = null;
        for (String c : CANDIDATES) {
            IpPrefix candidate = IpPrefix.parse(c);
            Optional<IpPrefix> clash = hostRoutes.stream().filter(r -> r.length() > 0)
                    .filter(candidate::overlaps).findFirst();
            if (clash.isEmpty()) {
                return new PoolChoice(candidate, Optional.ofNullable(firstClash).map(f -> f + "; using " + c));
            }
            if (firstClash == null) {
                firstClash = c + " overlaps the host route " + clash.get();
            }
        }
        throw new IllegalStateException("no free pool: every candidate (" + String.join(", ", CANDIDATES)
                + ") overlaps a host route; pass --pool CIDR");
    }
}
