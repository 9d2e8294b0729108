package dev.calyx.kernel.nft;

/** nftables address families, spelled as nft spells them ({@link #keyword()}). */
public enum NftFamily {
    IP, IP6, INET, ARP, BRIDGE, NETDEV;

    /** The word nft uses for this family. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The family for nft's word; throws naming the word when nft has no such family. */
    public static NftFamily of(String keyword) {
        for (NftFamily f : values()) {
            if (f.keyword().equals(keyword)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown nft family '" + keyword + "'");
    }
}
