package dev.calyx.preflight;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 network prefix with its host bits cleared ({@code 10.0.2.15/24} becomes {@code 10.0.2.0/24}).
 * Preflight compares pools with host addresses and routes, where the interesting question is only "do these two
 * ranges share an address": two prefixes of one family overlap exactly when the shorter contains the other's
 * network address.
 *
 * @param bytes  the network address, 4 or 16 bytes, host bits zero
 * @param length the prefix length
 */
public record IpPrefix(byte[] bytes, int length) {
    public IpPrefix {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("prefix address must have 4 or 16 bytes, got " + bytes.length);
        }
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length " + length + " out of range 0.." + bytes.length * 8);
        }
        bytes = mask(bytes.clone(), length);
    }

    /**
     * Parses {@code ADDR/LEN} or a bare address (a host prefix). Only numeric addresses: a name here would trigger
     * a DNS lookup, which a preflight must never depend on.
     */
    public static IpPrefix parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        if (addr.isEmpty() || !(addr.contains(":") || addr.matches("[0-9.]+"))) {
            throw new IllegalArgumentException("\"" + text + "\" is not a CIDR (expected e.g. 10.244.0.0/16 or fd00::/48)");
        }
        byte[] b;
        try {
            b = InetAddress.getByName(addr).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a CIDR: bad address " + addr, e);
        }
        int len = b.length * 8;
        if (slash >= 0) {
            try {
                len = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a CIDR: bad prefix length", e);
            }
        }
        if (len < 0 || len > b.length * 8) {
            throw new IllegalArgumentException("\"" + text + "\" is not a CIDR: prefix length " + len
                    + " out of range 0.." + b.length * 8);
        }
        return new IpPrefix(b, len);
    }

    public static IpPrefix of(String address, int length) {
        return parse(address + "/" + length);
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    public boolean contains(IpPrefix other) {
        return bytes.length == other.bytes.length && length <= other.length
                && Arrays.equals(mask(other.bytes.clone(), length), bytes);
    }

    public boolean overlaps(IpPrefix other) {
        return contains(other) || other.contains(this);
    }

    private static byte[] mask(byte[] b, int len) {
        for (int i = 0; i < b.length; i++) {
            int keep = Math.clamp(len - i * 8L, 0, 8);
            b[i] &= (byte) (0xff << (8 - keep));
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix p && length == p.length && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + length;
    }

    @Override
    public String toString() {
        return addressText() + "/" + length;
    }

    /** The network address alone, IPv6 in RFC 5952 form. */
    public String addressText() {
        return isIpv4() ? ipv4Text() : ipv6Text();
    }

    /** An address in its canonical text (no zone, IPv6 compressed), as it appears in evidence. */
    public static String canonical(byte[] address) {
        return new IpPrefix(address, address.length * 8).addressText();
    }

    private String ipv4Text() {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /** RFC 5952 form: the longest run (two or more) of zero groups becomes "::". */
    private String ipv6Text() {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
