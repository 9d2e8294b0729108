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
