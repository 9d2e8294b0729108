package dev.calyx.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ipBlock placeholders of the case files, substituted in every string of a policy before it is applied:
 * <ul>
 *   <li>{@code {{ip x/b}}}: the pod's IP; written {@code {{ip x/b}}/32} it is the host route, which becomes
 *       {@code /128} when the pod's IP is IPv6;</li>
 *   <li>{@code {{cidr x/b 4}}}: the /4 network containing the pod's IP, host bits zeroed.</li>
 * </ul>
 * Anything else between {@code {{ }}} is refused, naming the text.
 */
public final class Placeholders {
    private static final Pattern ANY = Pattern.compile("\\{\\{(.*?)}}(/32)?");
    private static final Pattern IP = Pattern.compile("\\s*ip\\s+(\\S+)\\s*");
    private static final Pattern CIDR = Pattern.compile("\\s*cidr\\s+(\\S+)\\s+(\\d{1,3})\\s*");

    private Placeholders() {}

    /** A copy of {@code node} with every placeholder in its strings replaced. */
    public static JsonNode substitute(JsonNode node, Function<PodRef, InetAddress> ipOf) {
        return switch (node) {
            case TextNode t -> TextNode.valueOf(substitute(t.asText(), ipOf));
            case ObjectNode o -> {
                ObjectNode copy = o.objectNode();
                o.properties().forEach(e -> copy.set(e.getKey(), substitute(e.getValue(), ipOf)));
                yield copy;
            }
            case ArrayNode a -> {
                ArrayNode copy = a.arrayNode();
                a.forEach(e -> copy.add(substitute(e, ipOf)));
                yield copy;
            }
            default -> node.deepCopy();
        };
    }

    /** {@code text} with every placeholder replaced. */
    public static String substitute(String text, Function<PodRef, InetAddress> ipOf) {
        Matcher m = ANY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(expand(m.group(1), m.group(2), text, ipOf)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String expand(String body, String hostSuffix, String text, Function<PodRef, InetAddress> ipOf) {
        Matcher ip = IP.matcher(body);
        if (ip.matches()) {
            InetAddress a = ipOf.apply(ref(ip.group(1), text));
            String suffix = hostSuffix == null ? "" : (a instanceof Inet6Address ? "/128" : "/32");
            return a.getHostAddress() + suffix;
        }
        Matcher cidr = CIDR.matcher(body);
        if (cidr.matches()) {
            InetAddress a = ipOf.apply(ref(cidr.group(1), text));
            int bits = Integer.parseInt(cidr.group(2));
            return network(a, bits, text) + "/" + bits + (hostSuffix == null ? "" : hostSuffix);
        }
        throw new LabFormatException("placeholder '{{" + body + "}}' in '" + text
                + "': want {{ip ns/pod}} or {{cidr ns/pod BITS}}");
    }

    private static PodRef ref(String text, String where) {
        try {
            return PodRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LabFormatException("placeholder in '" + where + "': " + e.getMessage(), e);
        }
    }

    static String network(InetAddress address, int bits, String where) {
        byte[] b = address.getAddress();
        if (bits > b.length * 8) {
            throw new LabFormatException("placeholder in '" + where + "': /" + bits + " longer than the address");
        }
        for (int i = 0; i < b.length; i++) {
            int keep = Math.clamp(bits - i * 8L, 0, 8);
            b[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
