package dev.calyx.calc;

/** An inclusive numeric port range; a single port has {@code min == max}. */
public record PortRange(int min, int max) implements Comparable<PortRange> {
    public PortRange {
        if (min < 0 || max > 65535 || min > max) {
            throw new IllegalArgumentException("port range " + min + ":" + max + " is not within 0-65535");
        }
    }

    @Override
    public int compareTo(PortRange o) {
        return min != o.min ? Integer.compare(min, o.min) : Integer.compare(max, o.max);
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + "-" + max;
    }
}
