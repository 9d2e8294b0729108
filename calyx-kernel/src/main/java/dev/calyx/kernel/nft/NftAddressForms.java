package dev.calyx.kernel.nft;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * Address elements in the form nft 1.0.6 lists them, so that a desired set can be compared with a listed one:
 * a /32 (/128) prefix or a one-address range is the bare address, a range that covers exactly one aligned block is
 * that prefix, and IPv6 is written as glibc's {@code inet_ntop} writes it (lower case, the first longest run of
 * two or more zero groups as {@code ::}, {@code ::ffff:a.b.c.d} for IPv4-mapped addresses).
 */
final class NftAddressForms {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("\\d{1,3}");

    private NftAddressForms() {
    }

    /** True when {@code e} is an address, a prefix without host bits, or a range, of {@code bytes}-byte addresses. */
    static boolean valid(String e, int bytes) {
        int dash = e.indexOf('-');
        if (dash > 0) {
            byte[] first = address(e.substring(0, dash), bytes);
            byte[] last = address(e.substring(dash + 1), bytes);
            return first != null && last != null && new BigInteger(1, first).compareTo(new BigInteger(1, last)) <= 0;
        }
        int slash = e.indexOf('/');
        if (slash < 0) {
            return address(e, bytes) != null;
        }
        byte[] addr = address(e.substring(0, slash), bytes);
        String len = e.substring(slash + 1);
        if (addr == null || !PREFIX_LENGTH.matcher(len).matches() || Integer.parseInt(len) > bytes * 8) {
            return false;
        }
        return noHostBits(addr, Integer.parseInt(len));
    }

    /** The listed form of a {@link #valid} element. */
    static String canonical(String e, int bytes) {
        int dash = e.indexOf('-');
        if (dash > 0) {
            BigInteger first = new BigInteger(1, address(e.substring(0, dash), bytes));
            BigInteger last = new BigInteger(1, address(e.substring(dash + 1), bytes));
            BigInteger size = last.subtract(first).add(BigInteger.ONE);
            if (size.bitCount() == 1 && first.mod(size).signum() == 0) {
                return prefix(first, bytes * 8 - (size.bitLength() - 1), bytes);
            }
            return format(first, bytes) + "-" + format(last, bytes);
        }
        int slash = e.indexOf('/');
        if (slash < 0) {
            return format(new BigInteger(1, address(e, bytes)), bytes);
        }
        return prefix(new BigInteger(1, address(e.substring(0, slash), bytes)), Integer.parseInt(e.substring(slash + 1)), bytes);
    }

    private static String prefix(BigInteger addr, int length, int bytes) {
        return length == bytes * 8 ? format(addr, bytes) : format(addr, bytes) + "/" + length;
    }

    static byte[] address(String s, int bytes) {
        try {
            if (bytes == 4) {
                return IPV4.matcher(s).matches() ? Inet4Address.ofLiteral(s).getAddress() : null;
            }
            if (!IPV6_CHARS.matcher(s).matches() || !s.contains(":")) {
                return null;
            }
            InetAddress a = Inet6Address.ofLiteral(s);
            return a instanceof Inet6Address ? a.getAddress() : mapped(a.getAddress());
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }

    /** The JDK returns IPv4-mapped IPv6 literals ({@code ::ffff:a.b.c.d}) as IPv4 addresses; nft keeps them IPv6. */
    private static byte[] mapped(byte[] ipv4) {
        byte[] b = new byte[16];
        b[10] = (byte) 0xff;
        b[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, b, 12, 4);
        return b;
    }

    private static boolean noHostBits(byte[] addr, int prefixLength) {
        for (int bit = prefixLength; bit < addr.length * 8; bit++) {
            if ((addr[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String format(BigInteger value, int bytes) {
        byte[] raw = value.toByteArray();
        byte[] b = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, b, bytes - copy, copy);
        return bytes == 4 ? dotted(b, 0) : ipv6(b);
    }

    private static String dotted(byte[] b, int from) {
        return (b[from] & 0xff) + "." + (b[from + 1] & 0xff) + "." + (b[from + 2] & 0xff) + "." + (b[from + 3] & 0xff);
    }

    /** glibc inet_ntop6. */
    private static String ipv6(byte[] b) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestBase = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    s.append(':');
                }
                continue;
            }
            if (i != 0) {
                s.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                return s.append(dotted(b, 12)).toString();
            }
            s.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            s.append(':');
        }
        return s.toString();
    }
}
