package dev.calyx.model.validation;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP address and CIDR parsing with Go's {@code net.ParseIP}/{@code ParseCIDR} acceptance (no DNS, no leading
 * zeros in IPv4 octets). A bare address is a full-length prefix, as Calico's {@code ParseCIDROrIP}.
 */
public final class IpNets {
    private static final Pattern V4 = Pattern.compile("^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}$");
    private static final Pattern V6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");

    /** A parsed network: address as written, prefix length, family. */
    public record Net(BigInteger address, int prefix, int version) {
        public int bits() {
            return version == 4 ? 32 : 128;
        }

        public BigInteger network() {
            BigInteger mask = BigInteger.ONE.shiftLeft(bits()).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits() - prefix).subtract(BigInteger.ONE));
            return address.and(mask);
        }

        /** Whether the address has no host bits set (Calico's "strictly masked"). */
        public boolean strictlyMasked() {
            return network().equals(address);
        }

        /** The masked network in Go's notation ({@code 10.0.0.0/8}, {@code fd00::/64}). */
        public String networkString() {
            return addressString(network(), version) + "/" + prefix;
        }

        public boolean overlaps(Net other) {
            if (other.version != version) {
                return false;
            }
            int common = Math.min(prefix, other.prefix);
            int shift = bits() - common;
            return address.shiftRight(shift).equals(other.address.shiftRight(shift));
        }
    }

    private IpNets() {
    }

    /** An address in Go's notation: dotted quad, or RFC 5952 compressed IPv6. */
    public static String addressString(BigInteger address, int version) {
        if (version == 4) {
            long v = address.longValue();
            return (v >>> 24 & 255) + "." + (v >>> 16 & 255) + "." + (v >>> 8 & 255) + "." + (v & 255);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = address.shiftRight(16 * (7 - i)).intValue() & 0xFFFF;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
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
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** The address, or null if {@code text} is not an IPv4/IPv6 literal. */
    public static Net parseIp(String text) {
        if (text == null) {
            return null;
        }
        if (V4.matcher(text).matches()) {
            long v = 0;
            for (String octet : text.split("\\.")) {
                int o = Integer.parseInt(octet);
                if (o > 255) {
                    return null;
                }
                v = v << 8 | o;
            }
            return new Net(BigInteger.valueOf(v), 32, 4);
        }
        if (text.indexOf(':') >= 0 && V6_CHARS.matcher(text).matches()) {
            try {
                byte[] b = InetAddress.getByName(text).getAddress();
                if (b.length == 4) {
                    return new Net(new BigInteger(1, b), 32, 4);
                }
                return new Net(new BigInteger(1, b), 128, 6);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    /** A CIDR ({@code a/n}) or a bare address; null if malformed. */
    public static Net parseCidrOrIp(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return parseIp(text);
        }
        Net ip = parseIp(text.substring(0, slash));
        String len = text.substring(slash + 1);
        if (ip == null || !len.matches("^(0|[1-9][0-9]{0,2})$")) {
            return null;
        }
        int prefix = Integer.parseInt(len);
        if (prefix > ip.bits()) {
            return null;
        }
        return new Net(ip.address(), prefix, ip.version());
    }

    /** A CIDR that must carry a prefix length; null if malformed. */
    public static Net parseCidr(String text) {
        return text == null || text.indexOf('/') < 0 ? null : parseCidrOrIp(text);
    }
}
