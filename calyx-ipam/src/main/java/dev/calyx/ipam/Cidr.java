package dev.calyx.ipam;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An IP network: base address and prefix length; host bits must be zero ("10.0.0.1/24" is refused, naming the
 * network it probably meant). IPAM blocks, pools and reservations are all Cidrs.
 */
public record Cidr(IpAddr base, int prefix) implements Comparable<Cidr> {
    public Cidr {
        Objects.requireNonNull(base, "base");
        int bits = base.family().bits();
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " out of range 0.." + bits + " for " + base);
        }
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
        if (base.value().and(hostMask).signum() != 0) {
            throw new IllegalArgumentException("CIDR " + base + "/" + prefix + " has host bits set (did you mean "
                    + new IpAddr(base.family(), base.value().andNot(hostMask)) + "/" + prefix + "?)");
        }
    }

    /** Parses "10.0.0.0/24" (or a block key's "10.0.0.0-24"); a bare address is a host route. */
    public static Cidr parse(String text) {
        String t = text.strip();
        int slash = t.lastIndexOf('/');
        if (slash < 0 && t.lastIndexOf('-') > 0) {
            slash = t.lastIndexOf('-');
        }
        if (slash < 0) {
            IpAddr a = IpAddr.parse(t);
            return new Cidr(a, a.family().bits());
        }
        int prefix;
        try {
            prefix = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("CIDR \"" + text + "\": prefix is not a number", e);
        }
        return new Cidr(IpAddr.parse(t.substring(0, slash)), prefix);
    }

    /** The network of {@code prefix} bits that contains {@code a}. */
    public static Cidr containing(IpAddr a, int prefix) {
        int hostBits = a.family().bits() - prefix;
        BigInteger v = a.value().shiftRight(hostBits).shiftLeft(hostBits);
        return new Cidr(new IpAddr(a.family(), v), prefix);
    }

    public IpFamily family() {
        return base.family();
    }

    /** Number of addresses. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - prefix);
    }

    public boolean contains(IpAddr a) {
        return a.family() == family() && a.value().shiftRight(family().bits() - prefix)
                .equals(base.value().shiftRight(family().bits() - prefix));
    }

    public boolean contains(Cidr c) {
        return c.prefix >= prefix && contains(c.base);
    }

    public boolean overlaps(Cidr c) {
        return contains(c) || c.contains(this);
    }

    /** The {@code ordinal}th address (0 = base). */
    public IpAddr address(long ordinal) {
        return base.plus(ordinal);
    }

    /** Offset of {@code a} from the base; the caller checks {@link #contains}. */
    public int ordinalOf(IpAddr a) {
        return a.value().subtract(base.value()).intValueExact();
    }

    /** The {@code index}th sub-network of length {@code subPrefix} (index 0 starts at the base). */
    public Cidr subnet(BigInteger index, int subPrefix) {
        BigInteger v = base.value().add(index.shiftLeft(family().bits() - subPrefix));
        return new Cidr(new IpAddr(family(), v), subPrefix);
    }

    /** "10.0.0.0-26": the form Calico uses in datastore keys. */
    public String keyForm() {
        return base + "-" + prefix;
    }

    @Override
    public int compareTo(Cidr o) {
        int c = base.compareTo(o.base);
        return c != 0 ? c : Integer.compare(prefix, o.prefix);
    }

    @Override
    public String toString() {
        return base + "/" + prefix;
    }
}
