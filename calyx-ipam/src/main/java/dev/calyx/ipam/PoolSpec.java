package dev.calyx.ipam;

import java.util.Objects;
import java.util.Set;

/**
 * The parts of an IPPool that IPAM needs, with Calico's read-time defaults already applied (blockSize 26/122,
 * nodeSelector {@code all()}, allowedUses [Workload, Tunnel]).
 */
public record PoolSpec(String name, Cidr cidr, int blockSize, String nodeSelector, boolean disabled,
                       Set<AllowedUse> allowedUses) {
    public PoolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cidr, "cidr");
        int min = cidr.family() == IpFamily.V4 ? 20 : 116;
        int max = cidr.family().bits();
        if (blockSize < min || blockSize > max) {
            throw new IllegalArgumentException("IPPool " + name + ": blockSize " + blockSize + " out of range "
                    + min + ".." + max + " for " + cidr.family().display());
        }
        if (blockSize < cidr.prefix()) {
            throw new IllegalArgumentException("IPPool " + name + ": blockSize /" + blockSize
                    + " is larger than the pool " + cidr);
        }
        nodeSelector = nodeSelector == null || nodeSelector.isBlank() ? "all()" : nodeSelector;
        allowedUses = allowedUses == null || allowedUses.isEmpty()
                ? Set.of(AllowedUse.Workload, AllowedUse.Tunnel) : Set.copyOf(allowedUses);
    }

    /** An enabled pool usable for workloads and tunnels on every node, with the family's default block size. */
    public static PoolSpec of(String name, String cidr) {
        Cidr c = Cidr.parse(cidr);
        return new PoolSpec(name, c, c.family().defaultBlockSize(), "all()", false, null);
    }

    public PoolSpec withBlockSize(int size) {
        return new PoolSpec(name, cidr, size, nodeSelector, disabled, allowedUses);
    }

    public PoolSpec withNodeSelector(String sel) {
        return new PoolSpec(name, cidr, blockSize, sel, disabled, allowedUses);
    }

    public PoolSpec withDisabled(boolean d) {
        return new PoolSpec(name, cidr, blockSize, nodeSelector, d, allowedUses);
    }

    public PoolSpec withAllowedUses(Set<AllowedUse> uses) {
        return new PoolSpec(name, cidr, blockSize, nodeSelector, disabled, uses);
    }

    /** How many blocks the pool holds (may be astronomically many for IPv6). */
    public java.math.BigInteger blockCount() {
        return java.math.BigInteger.ONE.shiftLeft(blockSize - cidr.prefix());
    }

    public IpFamily family() {
        return cidr.family();
    }

    /** "default-ipv4-ippool (10.244.0.0/16)", for messages. */
    public String describe() {
        return name + " (" + cidr + ")";
    }
}
