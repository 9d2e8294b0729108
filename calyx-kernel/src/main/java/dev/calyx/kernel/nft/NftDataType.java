package dev.calyx.kernel.nft;

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

    private static final Pattern IFNAME_CHARS = Pattern.compile("[A-Za-z0-9_.@:\\-]{1,15}");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9]\\d{0,9}|0x[0-9a-fA-F]{1,8}");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9\\-]*");
    private static final Pattern PORT = Pattern.compile("0|[1-9]\\d{0,4}");
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

    /**
     * The element as nft lists it ({@code 10.0.0.1/32} lists as {@code 10.0.0.1}, {@code fd00:0::01} as
     * {@code fd00::1}, {@code 10.0.1.0-10.0.1.255} as {@code 10.0.1.0/24}); compare desired elements with listed
     * ones in this form. Throws like {@link #renderElement} when the element is not of this type.
     */
    public String canonical(String element, String setName) {
        renderElement(element, setName);
        return switch (this) {
            case IPV4_ADDR -> NftAddressForms.canonical(element, 4);
            case IPV6_ADDR -> NftAddressForms.canonical(element, 16);
            case ETHER_ADDR -> String.join(":", java.util.Arrays.stream(element.toLowerCase(Locale.ROOT).split(":"))
                    .map(g -> g.length() == 1 ? "0" + g : g).toList());
            case MARK -> String.valueOf(Long.decode(element));
            default -> element;
        };
    }

    private boolean valid(String e) {
        return switch (this) {
            case IPV4_ADDR -> NftAddressForms.valid(e, 4);
            case IPV6_ADDR -> NftAddressForms.valid(e, 16);
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
}
