package dev.calyx.model.numorstring;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kubernetes {@code IntOrString} (a NetworkPolicyPort's {@code port}): a number or a named port. */
public record IntOrString(Integer intValue, String stringValue) {
    public IntOrString {
        if ((intValue == null) == (stringValue == null)) {
            throw new IllegalArgumentException("IntOrString holds exactly one of int or string");
        }
    }

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    public static IntOrString of(String value) {
        return new IntOrString(null, value);
    }

    @JsonCreator
    public static IntOrString parse(Object raw) {
        if (raw instanceof Number n) {
            Integral.require(n);
            return of(n.intValue());
        }
        if (raw instanceof String s) {
            return of(s);
        }
        throw new IllegalArgumentException("expected a number or a string, got " + raw);
    }

    public boolean isInt() {
        return intValue != null;
    }

    @JsonValue
    public Object json() {
        return intValue != null ? intValue : stringValue;
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}
