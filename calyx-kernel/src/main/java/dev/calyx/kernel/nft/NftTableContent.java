package dev.calyx.kernel.nft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one table holds, as a backend lists it: chains, sets and maps with elements, rules in chain order. */
public record NftTableContent(NftTable table, List<NftChain> chains, List<NftSet> sets, List<NftRule> rules) {
    public NftTableContent {
        Objects.requireNonNull(table, "table");
        chains = List.copyOf(chains);
        sets = List.copyOf(sets);
        rules = List.copyOf(rules);
    }

    public Optional<NftChain> chain(String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<NftSet> set(String name) {
        return sets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The rules of {@code chain}, in evaluation order. */
    public List<NftRule> rules(String chain) {
        return rules.stream().filter(r -> r.chain().equals(chain)).toList();
    }
}
