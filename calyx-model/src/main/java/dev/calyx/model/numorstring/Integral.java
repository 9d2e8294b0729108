package dev.calyx.model.numorstring;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Rejects fractional numbers where Calico (Go's integer decoding) does, instead of truncating them. */
final class Integral {
    private Integral() {
    }

    static void require(Number n) {
        boolean integral = n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger
                || (n instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0)
                || ((n instanceof Double || n instanceof Float) && n.doubleValue() == Math.rint(n.doubleValue()));
        if (!integral) {
            throw new IllegalArgumentException("expected a whole number, got " + n);
        }
        if (n instanceof BigInteger b && b.bitLength() > 63) {
            throw new IllegalArgumentException("number out of range: " + n);
        }
    }
}
