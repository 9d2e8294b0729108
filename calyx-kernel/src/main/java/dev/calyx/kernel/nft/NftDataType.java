package dev.calyx.kernel.nft;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Key and data types of sets and maps, each with the check and rendering of one element.
 *
 * <p>Elements are checked here rather than left to nft because nft resolves anything that is not an address
 * literal as a host name ({@code 1.2.3.400} becomes a DNS query); a policy pass must never do that.
 * Address elements are an address, a prefix without host bits, or a range {@code first-last}.
 */
public enum NftDataType {
    IPV4_ADDR, IPV6_ADDR, IFNAME, INET_SERVICE, INET_PROTO, ETHER_ADDR, MARK, VERDICT;

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern IFNAME_CHARS = Pattern.compile("[A-Za-z0-9_.@:\\-]{1,15}");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9]\\d{0,9}|0x[0-9a-fA-F]{1,8}");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9\\-]*");
    private static final Pattern PORT = Pattern.compile("0|[1-9]\\d{0,4}");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("\\d{1,3}");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}");

    /** nft's name of the type: {@code ipv4_addr}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for nft's name; throws naming the name when it is not one of these. */
    public static NftDataType of(String keyword) {
        for (NftDataType t : values()) {
            if (t.keyword().equals(keyword)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported nft data type '" + keyword + "'");
    }

    /** The element as it goes into a script; throws naming the element and the set when it is not of this type. */
    public String renderElement(String element, String setName) {
        if (element == null) {
            throw new IllegalArgumentException("nft set " + setName + ": element is null");
        }
        if (!valid(element)) {
            throw new IllegalArgumentException("nft set " + setName + ": element '" + NftNames.printable(element)
                    + "' is not a valid " + keyword());
        }
        return this == IFNAME ? "\"" + element + "\"" : element;
    }

    private boolean valid(String e) {
        return switch (this) {
            case IPV4_ADDR -> addressOrPrefixOrRange(e, 4);
            case IPV6_ADDR -> addressOrPrefixOrRange(e, 16);
            case IFNAME -> IFNAME_CHARS.matcher(e).matches();
            case INET_SERVICE -> numberOrRange(e, 65535);
            case INET_PROTO -> WORD.matcher(e).matches() || numberOrRange(e, 255);
            case ETHER_ADDR -> MAC.matcher(e).matches();
            case MARK -> NUMBER.matcher(e).matches() && Long.decode(e) <= 0xffffffffL;
            case VERDICT -> false;
        };
    }

    private static boolean numberOrRange(String e, int max) {
        int dash = e.indexOf('-');
        if (dash > 0) {
            return port(e.substring(0, dash), max) && port(e.substring(dash + 1), max);
        }
        return port(e, max);
    }

    private static boolean port(String s, int max) {
        return PORT.matcher(s).matches() && Integer.parseInt(s) <= max;
    }

    private static boolean addressOrPrefixOrRange(String e, int bytes) {
        int dash = e.indexOf('-');
        if (dash > 0) {
            return address(e.substring(0, dash), bytes) != null && address(e.substring(dash + 1), bytes) != null;
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

    private static byte[] address(String s, int bytes) {
        try {
            if (bytes == 4) {
                return IPV4.matcher(s).matches() ? Inet4Address.ofLiteral(s).getAddress() : null;
            }
            if (!IPV6_CHARS.matcher(s).matches() || !s.contains(":")) {
                return null;
            }
            InetAddress a = Inet6Address.ofLiteral(s);
            return a instanceof Inet6Address ? a.getAddress() : null;
        } catch (IllegalArgumentException notALiteral) {
            return null;
        }
    }

    private static boolean noHostBits(byte[] addr, int prefixLength) {
        for (int bit = prefixLength; bit < addr.length * 8; bit++) {
            if ((addr[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return false;
            }
        }
        return true;
    }
}
