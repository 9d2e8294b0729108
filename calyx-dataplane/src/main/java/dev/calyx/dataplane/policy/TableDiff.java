package dev.calyx.dataplane.policy;

import dev.calyx.kernel.nft.NftSetSpec;
import dev.calyx.kernel.nft.NftTransaction;
import dev.calyx.kernel.nft.NftVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans the ONE transaction that takes the table from applied to desired for the dirty names (pure).
 *
 * <p>Order inside the transaction (nft checks references as it goes, and the kernel commits all or nothing, so
 * there is never a moment with half a policy): the table and dispatch maps (idempotent {@code add}); new sets with
 * their elements and element changes; every new chain declared empty (so that jumps between new chains resolve
 * whatever their order); the rules of new and changed chains (flush then re-add); dispatch-map entries; then the
 * removals: chains that go are flushed first and deleted after (a chain can only be deleted once nothing jumps to
 * it), then sets that go.
 */
final class TableDiff {
    private TableDiff() {
    }

    static NftTransaction plan(TableState want, TableState have, TableState.Dirty dirty, boolean bootstrap) {
        NftTransaction tx = new NftTransaction();
        if (bootstrap) {
            tx.addTable(PolicyNames.TABLE);
            tx.addVerdictMap(PolicyNames.TABLE, PolicyRenderer.dispatchMap(PolicyNames.FROM_WORKLOAD_MAP), Map.of());
            tx.addVerdictMap(PolicyNames.TABLE, PolicyRenderer.dispatchMap(PolicyNames.TO_WORKLOAD_MAP), Map.of());
        }
        sets(want, have, dirty, tx);
        chains(want, have, dirty, tx);
        dispatch(PolicyNames.FROM_WORKLOAD_MAP, want.fromWorkload, have.fromWorkload, dirty.from, tx);
        dispatch(PolicyNames.TO_WORKLOAD_MAP, want.toWorkload, have.toWorkload, dirty.to, tx);
        removals(want, have, dirty, tx);
        return tx;
    }

    private static void sets(TableState want, TableState have, TableState.Dirty dirty, NftTransaction tx) {
        for (String name : dirty.sets) {
            NftSetSpec spec = want.setSpecs.get(name);
            if (spec == null) {
                continue;
            }
            Set<String> wanted = IntervalCover.of(spec.keyType(), want.elements.get(name));
            Set<String> had = have.elements.get(name);
            if (!have.setSpecs.containsKey(name)) {
                tx.addSet(PolicyNames.TABLE, spec, wanted);
                continue;
            }
            // deletes first: an outer net leaving must make room for the inner ones coming back (interval sets
            // refuse overlaps); the transaction is atomic, so the order opens no gap
            tx.deleteElements(PolicyNames.TABLE, spec, had.stream().filter(e -> !wanted.contains(e)).toList());
            tx.addElements(PolicyNames.TABLE, spec, wanted.stream().filter(e -> !had.contains(e)).toList());
        }
    }

    private static void chains(TableState want, TableState have, TableState.Dirty dirty, NftTransaction tx) {
        List<String> changed = new ArrayList<>();
        for (String name : dirty.chains) {
            ChainDef wanted = want.chains.get(name);
            ChainDef had = have.chains.get(name);
            if (wanted == null || wanted.equals(had)) {
                continue;
            }
            if (had == null) {
                wanted.base().ifPresentOrElse(b -> tx.addBaseChain(PolicyNames.TABLE, name, b),
                        () -> tx.addChain(PolicyNames.TABLE, name));
            }
            changed.add(name);
        }
        for (String name : changed) {
            if (have.chains.containsKey(name)) {
                tx.flushChain(PolicyNames.TABLE, name);
            }
            for (String rule : want.chains.get(name).rules()) {
                tx.addRule(PolicyNames.TABLE, name, rule, null);
            }
        }
    }

    private static void dispatch(String map, Map<String, String> want, Map<String, String> have, Set<String> dirty,
                                 NftTransaction tx) {
        List<String> delete = new ArrayList<>();
        Map<String, NftVerdict> add = new TreeMap<>();
        for (String iface : dirty) {
            String w = want.get(iface);
            String h = have.get(iface);
            if (Objects.equals(w, h)) {
                continue;
            }
            if (h != null) {
                delete.add(iface);
            }
            if (w != null) {
                add.put(iface, NftVerdict.jump(w));
            }
        }
        NftSetSpec spec = PolicyRenderer.dispatchMap(map);
        tx.deleteElements(PolicyNames.TABLE, spec, delete);
        tx.addVerdictElements(PolicyNames.TABLE, spec, add);
    }

    private static void removals(TableState want, TableState have, TableState.Dirty dirty, NftTransaction tx) {
        List<String> gone = dirty.chains.stream()
                .filter(c -> !want.chains.containsKey(c) && have.chains.containsKey(c)).toList();
        gone.forEach(c -> tx.flushChain(PolicyNames.TABLE, c));
        gone.forEach(c -> tx.deleteChain(PolicyNames.TABLE, c));
        for (String name : dirty.sets) {
            if (!want.setSpecs.containsKey(name) && have.setSpecs.containsKey(name)) {
                tx.deleteSet(PolicyNames.TABLE, have.setSpecs.get(name));
            }
        }
    }
}
