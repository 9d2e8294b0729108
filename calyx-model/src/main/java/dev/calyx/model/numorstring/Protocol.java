package dev.calyx.model.numorstring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * An IP protocol as Calico accepts it: a name ({@code TCP UDP ICMP ICMPv6 SCTP UDPLite}, exact case) or a
 * number 1–255 (also quoted, {@code "17"}). Decoding keeps what was written, as Calico's Uint8OrString does;
 * validation reports unknown names ({@code tcp} included) and out-of-range numbers.
 */
public record Protocol(Integer number, String name) {
    public static final List<String> NAMES = List.of("TCP", "UDP", "ICMP", "ICMPv6", "SCTP", "UDPLite");
    public static final Protocol TCP = new Protocol(null, "TCP");
    public static final Protocol UDP = new Protocol(null, "UDP");
    public static final Protocol SCTP = new Protocol(null, "SCTP");

    public Protocol {
        if ((number == null) == (name == null)) {
            throw new IllegalArgumentException("protocol is a number or a name, not both/neither");
        }
    }

    public static Protocol of(int number) {
        return new Protocol(number, null);
    }

    @JsonCreator
    public static Protocol parse(Object raw) {
        if (raw instanceof Number n) {
            Integral.require(n);
            return new Protocol(n.intValue(), null);
        }
        if (!(raw instanceof String s)) {
            throw new IllegalArgumentException("protocol must be a number or a string, got " + raw);
        }
        return new Protocol(null, s);
    }

    /**
     * Calico's ProtocolFromString: a known name matched case-insensitively is returned in Calico's spelling.
     * Decoding does not do this (Calico's JSON decoding keeps the text, and validation then rejects "tcp").
     */
    public static Protocol fromName(String name) {
        for (String known : NAMES) {
            if (known.equalsIgnoreCase(name)) {
                return new Protocol(null, known);
            }
        }
        return new Protocol(null, name);
    }

    /** IANA number, or -1 for an unknown name or an out-of-range number. */
    public int numeric() {
        if (number != null) {
            return number;
        }
        if (name.matches("^\\d{1,3}$")) {
            int n = Integer.parseInt(name);
            return n <= 255 ? n : -1;
        }
        return switch (name) {
            case "TCP", "tcp" -> 6;
            case "UDP", "udp" -> 17;
            case "ICMP" -> 1;
            case "ICMPv6" -> 58;
            case "SCTP", "sctp" -> 132;
            case "UDPLite" -> 136;
            default -> -1;
        };
    }

    /** Calico's SupportsPorts: TCP, UDP and SCTP (by name or number). */
    public boolean supportsPorts() {
        int n = numeric();
        return n == 6 || n == 17 || n == 132;
    }

    public boolean isIcmpV4() {
        return numeric() == 1;
    }

    public boolean isIcmpV6() {
        return numeric() == 58;
    }

    /** What Calico would reject about this protocol, or null if it is valid. */
    public String problem() {
        if (number != null) {
            return number >= 1 && number <= 255 ? null : "protocol number invalid (" + number + ")";
        }
        if (name.matches("^\\d{1,3}$") && Integer.parseInt(name) <= 255) {
            return Integer.parseInt(name) >= 1 ? null : "protocol number invalid (" + name + ")";
        }
        return NAMES.contains(name) ? null : "protocol name invalid (\"" + name + "\"): must be one of "
                + String.join(", ", NAMES) + " or a number 1-255";
    }

    @JsonValue
    public Object json() {
        return number != null ? number : name;
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
