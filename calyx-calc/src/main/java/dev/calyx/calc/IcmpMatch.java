package dev.calyx.calc;

/** ICMP type and optional code (null = any code). */
public record IcmpMatch(int type, Integer code) {
    public IcmpMatch {
        if (type < 0 || type > 255 || (code != null && (code < 0 || code > 255))) {
            throw new IllegalArgumentException("icmp type/code out of range: " + type + "/" + code);
        }
    }
}
