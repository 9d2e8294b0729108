package dev.calyx.model.numorstring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A port match: a single number ({@code 80}), a range ({@code "8000:9000"}) or a named port ({@code "http"}),
 * decoded the way Calico's {@code PortFromString} reads them: digits are a port, {@code ^(\d+):(\d+)$} is a
 * range, anything else is a name.
 *
 * <p>Decoding is permissive (a reversed range or a bad name is kept as written) because Calico reports these as
 * validation errors of the field; {@link #problem()} says what is wrong, if anything.
 */
public record Port(long min, long max, String name) {
    private static final Pattern RANGE = Pattern.compile("^(\\d+):(\\d+)$");
    private static final Pattern DIGITS = Pattern.compile("^\\d+$");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_.-]{1,128}$");

    public Port {
        if (name != null && (min != 0 || max != 0)) {
            throw new IllegalArgumentException("a named port has no numbers: " + name + " " + min + ":" + max);
        }
    }

    public static Port single(int port) {
        return new Port(port, port, null);
    }

    public static Port range(int min, int max) {
        return new Port(min, max, null);
    }

    public static Port named(String name) {
        return new Port(0, 0, Objects.requireNonNull(name, "name"));
    }

    @JsonCreator
    public static Port parse(Object raw) {
        if (raw instanceof Number n) {
            Integral.require(n);
            return new Port(n.longValue(), n.longValue(), null);
        }
        if (!(raw instanceof String s)) {
            throw new IllegalArgumentException("port must be a number or a string, got " + raw);
        }
        if (DIGITS.matcher(s).matches() && s.length() <= 10) {
            long v = Long.parseLong(s);
            return new Port(v, v, null);
        }
        var m = RANGE.matcher(s);
        if (m.matches() && m.group(1).length() <= 10 && m.group(2).length() <= 10) {
            return new Port(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), null);
        }
        return named(s);
    }

    public boolean isNamed() {
        return name != null;
    }

    public boolean isRange() {
        return name == null && min != max;
    }

    /** What Calico would reject about this port, or null if it is valid. */
    public String problem() {
        if (name != null) {
            return NAME.matcher(name).matches() ? null : "invalid name for named port (" + name + ")";
        }
        if (min < 1 || max < 1 || min > 65535 || max > 65535) {
            return "port range invalid, port number must be between 1 and 65535 (" + this + ")";
        }
        if (min > max) {
            return "invalid port range \"" + this + "\": minimum port number (" + min
                    + ") is greater than maximum port number (" + max + ")";
        }
        return null;
    }

    @JsonValue
    public Object json() {
        if (name != null) {
            return name;
        }
        return min == max ? (Object) min : min + ":" + max;
    }

    @Override
    public String toString() {
        return name != null ? name : (min == max ? Long.toString(min) : min + ":" + max);
    }
}
