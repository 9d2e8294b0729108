package dev.calyx.ipam;

/** IPv4 or IPv6, with the spellings Calico uses in keys ({@code ipv4}) and the family's defaults. */
public enum IpFamily {
    V4("ipv4", 32, 26),
    V6("ipv6", 128, 122);

    private final String keyword;
    private final int bits;
    private final int defaultBlockSize;

    IpFamily(String keyword, int bits, int defaultBlockSize) {
        this.keyword = keyword;
        this.bits = bits;
        this.defaultBlockSize = defaultBlockSize;
    }

    /** {@code ipv4} / {@code ipv6}, as in {@code /calico/ipam/v2/assignment/ipv4/block/...}. */
    public String keyword() {
        return keyword;
    }

    public int bits() {
        return bits;
    }

    /** Calico's default pool block size: 26 for IPv4, 122 for IPv6. */
    public int defaultBlockSize() {
        return defaultBlockSize;
    }

    /** "IPv4" / "IPv6", for messages. */
    public String display() {
        return this == V4 ? "IPv4" : "IPv6";
    }
}
