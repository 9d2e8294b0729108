package dev.calyx.kernel.nft;

import java.util.List;
import java.util.Optional;

/**
 * Applies nftables transactions and lists tables, in one network namespace.
 *
 * <p>{@link #apply} is atomic: nft sends the whole script as one netlink batch, and the kernel commits all of it or
 * none. Failures are {@link NftException}s naming the failing line and operation.
 */
public interface NftBackend extends AutoCloseable {
    /** Applies {@code tx} all or nothing; an empty transaction does nothing. */
    void apply(NftTransaction tx);

    /** Asks nft and the kernel whether {@code tx} would apply ({@code nft --check}), changing nothing. */
    void check(NftTransaction tx);

    /** The table's chains, sets (with elements) and rules, or empty when the table does not exist. */
    Optional<NftTableContent> list(NftTable table);

    /**
     * One chain and its rules (the content's {@code sets} are empty), or empty when the table or chain does not
     * exist. Much cheaper than {@link #list} on a large table: nft fetches only that chain's rules.
     */
    Optional<NftTableContent> listChain(NftTable table, String chain);

    /** One set or map with its elements, or empty when it does not exist. */
    Optional<NftSet> listSet(NftTable table, NftSetSpec set);

    /** Every table in the namespace. nft 1.0.6 dumps the whole ruleset for this: keep it out of hot paths. */
    List<NftTable> listTables();

    /** Releases what the backend holds (a library context, a thread); the default holds nothing. */
    @Override
    default void close() {
    }
}
