package dev.calyx.testkit;

import dev.calyx.kernel.nft.NftBackend;
import dev.calyx.kernel.nft.NftChain;
import dev.calyx.kernel.nft.NftCounter;
import dev.calyx.kernel.nft.NftDataType;
import dev.calyx.kernel.nft.NftElement;
import dev.calyx.kernel.nft.NftException;
import dev.calyx.kernel.nft.NftOp;
import dev.calyx.kernel.nft.NftRule;
import dev.calyx.kernel.nft.NftSet;
import dev.calyx.kernel.nft.NftSetSpec;
import dev.calyx.kernel.nft.NftTable;
import dev.calyx.kernel.nft.NftTableContent;
import dev.calyx.kernel.nft.NftTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An in-memory {@link NftBackend} for unit tests of the layers above: it replays each transaction's operations
 * onto a model (see {@link FakeNftModel} for what is and is not checked), atomically, and records what was applied.
 *
 * <p>{@link #dump()} renders the state as an {@code nft -f} script in a stable order (tables, then per table its
 * sets and chains sorted by name, elements sorted, rules in chain order), handy for whole-state assertions.
 * {@link #failNextApply(String)} makes the next apply fail as nft would, for error-path tests.
 *
 * <p>Thread safety: all methods are synchronized.
 */
public final class FakeNft implements NftBackend {
    private FakeNftModel model = new FakeNftModel();
    private final List<NftTransaction> applied = new ArrayList<>();
    private String failNext;

    @Override
    public synchronized void apply(NftTransaction tx) {
        if (tx.isEmpty()) {
            return;
        }
        if (failNext != null) {
            String message = failNext;
            failNext = null;
            throw failure(tx, 1, message);
        }
        model = replay(tx);
        applied.add(tx);
    }

    @Override
    public synchronized void check(NftTransaction tx) {
        replay(tx);
    }

    /** The next non-empty {@link #apply} throws an {@link NftException} at line 1 with {@code nftMessage}. */
    public synchronized void failNextApply(String nftMessage) {
        this.failNext = nftMessage;
    }

    /** Transactions applied successfully, oldest first. */
    public synchronized List<NftTransaction> applied() {
        return List.copyOf(applied);
    }

    @Override
    public synchronized Optional<NftTableContent> list(NftTable table) {
        FakeNftModel.Table t = model.tables.get(table);
        if (t == null) {
            return Optional.empty();
        }
        List<NftChain> chains = new ArrayList<>();
        List<NftRule> rules = new ArrayList<>();
        t.chains.forEach((name, c) -> {
            chains.add(new NftChain(name, c.handle(), c.base()));
            c.rules().forEach(r -> rules.add(new NftRule(name, r.handle(), r.comment(),
                    r.statements().matches("(^|.* )counter( .*|$)") ? Optional.of(new NftCounter(0, 0)) : Optional.empty(),
                    r.statements())));
        });
        List<NftSet> sets = t.sets.entrySet().stream().map(e -> toSet(e.getKey(), e.getValue())).toList();
        return Optional.of(new NftTableContent(table, chains, sets, rules));
    }

    @Override
    public synchronized Optional<NftTableContent> listChain(NftTable table, String chain) {
        return list(table).filter(c -> c.chain(chain).isPresent()).map(c -> new NftTableContent(table,
                List.of(c.chain(chain).get()), List.of(), c.rules(chain)));
    }

    @Override
    public synchronized Optional<NftSet> listSet(NftTable table, NftSetSpec set) {
        return list(table).flatMap(c -> c.set(set.name())).filter(s -> s.map() == set.isMap());
    }

    @Override
    public synchronized List<NftTable> listTables() {
        return List.copyOf(model.tables.keySet());
    }

    /** The whole state as an {@code nft -f} script in a stable order. */
    public synchronized String dump() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<NftTable, FakeNftModel.Table> te : model.tables.entrySet()) {
            NftTable table = te.getKey();
            NftTransaction tx = new NftTransaction().addTable(table);
            te.getValue().sets.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(se -> {
                List<NftElement> elements = se.getValue().elements().values().stream()
                        .sorted(Comparator.comparing(NftElement::key)).toList();
                tx.add(new NftOp.AddSet(table, se.getValue().spec(), elements));
            });
            te.getValue().chains.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(ce ->
                    tx.add(new NftOp.AddChain(table, ce.getKey(), ce.getValue().base())));
            te.getValue().chains.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(ce ->
                    ce.getValue().rules().forEach(r -> tx.addRule(table, ce.getKey(), r.statements(), r.comment().orElse(null))));
            b.append(tx.script());
        }
        return b.toString();
    }

    private FakeNftModel replay(NftTransaction tx) {
        FakeNftModel next = model.copy();
        List<NftOp> ops = tx.ops();
        for (int i = 0; i < ops.size(); i++) {
            try {
                next.apply(ops.get(i));
            } catch (IllegalStateException e) {
                throw failure(tx, i + 1, e.getMessage());
            }
        }
        return next;
    }

    private static NftException failure(NftTransaction tx, int line, String message) {
        NftOp op = tx.opAtLine(line).orElseThrow();
        return new NftException("nft apply of " + tx.size() + "-line transaction (FakeNft) failed at line " + line
                + " (" + op.describe() + "): " + message, line, op.render(), op, message);
    }

    private static NftSet toSet(String name, FakeNftModel.Set s) {
        NftSetSpec spec = s.spec();
        Set<String> flags = spec.flags().stream().filter(f -> f != NftSetSpec.Flag.AUTO_MERGE)
                .map(NftSetSpec.Flag::keyword).collect(Collectors.toSet());
        return new NftSet(name, s.handle(), spec.isMap(), spec.keyType().keyword(),
                spec.dataType().map(NftDataType::keyword), flags, List.copyOf(s.elements().values()));
    }
}
