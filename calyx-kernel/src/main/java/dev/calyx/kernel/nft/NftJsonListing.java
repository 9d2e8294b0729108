package dev.calyx.kernel.nft;

import java.util.List;
import java.util.Optional;

/**
 * The listing half of a backend, shared by both: each backend only says how to run {@code nft -j <command>};
 * turning the JSON into records, and "No such file or directory" into an empty result, happens here.
 */
abstract class NftJsonListing implements NftBackend {
    /** nft's JSON output for a {@code list ...} command, or empty when nft reports the object missing (ENOENT). */
    abstract Optional<String> listJson(String command);

    @Override
    public final Optional<NftTableContent> list(NftTable table) {
        return listJson("list table " + table.spec()).map(json -> NftListingParser.table(table, json));
    }

    @Override
    public final Optional<NftTableContent> listChain(NftTable table, String chain) {
        NftNames.requireIdentifier("chain", chain);
        return listJson("list chain " + table.spec() + " " + chain).map(json -> NftListingParser.table(table, json));
    }

    @Override
    public final Optional<NftSet> listSet(NftTable table, NftSetSpec set) {
        return listJson("list " + set.kind() + " " + table.spec() + " " + set.name())
                .flatMap(json -> NftListingParser.table(table, json).set(set.name()));
    }

    @Override
    public final List<NftTable> listTables() {
        return listJson("list tables").map(NftListingParser::tables).orElse(List.of());
    }

    /** True when nft's error output says the listed object does not exist. */
    static boolean isMissing(String stderr) {
        return stderr.contains("No such file or directory");
    }
}
