package dev.calyx.kernel.nft;

/** Packet and byte counts of a rule's {@code counter} statement. */
public record NftCounter(long packets, long bytes) {
    public NftCounter {
        if (packets < 0 || bytes < 0) {
            throw new IllegalArgumentException("nft counter " + packets + " packets " + bytes + " bytes is negative");
        }
    }
}
