package dev.calyx.ipam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One IP address as a number, so block arithmetic (ordinal = address - block base) is plain addition.
 * Formatted the way Java's {@link InetAddress} does, except that IPv6 uses the compressed form Calico prints.
 */
public record IpAddr(IpFamily family, BigInteger value) implements Comparable<IpAddr> {
    public IpAddr {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.bitLength() > family.bits()) {
            throw new IllegalArgumentException("address value " + value + " does not fit in " + family.display());
        }
    }

    /** Parses a literal ("10.0.0.5", "fd00::5"); never resolves names. JSON form too. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static IpAddr parse(String text) {
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(text.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address", e);
        }
        return of(a);
    }

    public static IpAddr of(InetAddress a) {
        byte[] b = a.getAddress();
        return new IpAddr(b.length == 4 ? IpFamily.V4 : IpFamily.V6, new BigInteger(1, b));
    }

    public IpAddr plus(long n) {
        return new IpAddr(family, value.add(BigInteger.valueOf(n)));
    }

    public InetAddress toInetAddress() {
        byte[] raw = value.toByteArray();
        byte[] b = new byte[family.bits() / 8];
        int copy = Math.min(raw.length, b.length);
        System.arraycopy(raw, raw.length - copy, b, b.length - copy, copy);
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int compareTo(IpAddr o) {
        int f = family.compareTo(o.family);
        return f != 0 ? f : value.compareTo(o.value);
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonValue
    public String toString() {
        String s = toInetAddress().getHostAddress();
        return family == IpFamily.V6 ? compressV6(s) : s;
    }

    /** Java prints fd00:0:0:0:0:0:0:5; Calico (Go) prints fd00::5. Replace the longest run of zero groups. */
    static String compressV6(String full) {
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(g, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return head + "::" + tail;
    }
}
