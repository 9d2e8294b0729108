package dev.calyx.model.numorstring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A 32-bit BGP AS number, written as a number ({@code 64512}) or in AS-dot notation ({@code "1.10"} = 65546),
 * as Calico's {@code numorstring.ASNumber} accepts. Always encoded as a plain number.
 */
public record AsNumber(long value) {
    public AsNumber {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AS number out of range 0-4294967295: " + value);
        }
    }

    @JsonCreator
    public static AsNumber parse(Object raw) {
        if (raw instanceof Number n) {
            Integral.require(n);
            return new AsNumber(n.longValue());
        }
        if (raw instanceof String s) {
            var dot = s.indexOf('.');
            try {
                if (dot < 0) {
                    return new AsNumber(Long.parseLong(s));
                }
                long high = Long.parseLong(s.substring(0, dot));
                long low = Long.parseLong(s.substring(dot + 1));
                if (high > 0xFFFF || low > 0xFFFF) {
                    throw new IllegalArgumentException("AS-dot halves must be 16-bit: " + s);
                }
                return new AsNumber(high << 16 | low);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an AS number: \"" + s + "\"", e);
            }
        }
        throw new IllegalArgumentException("AS number must be a number or a string, got " + raw);
    }

    @JsonValue
    public long json() {
        return value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
