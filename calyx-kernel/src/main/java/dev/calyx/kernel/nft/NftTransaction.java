package dev.calyx.kernel.nft;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds one nftables transaction: a list of {@link NftOp}s that a backend hands to nft as one {@code nft -f}
 * script, which nft applies as one netlink batch, all or nothing.
 *
 * <p>Design: every method checks its arguments at once (names, quoting, element types) and throws
 * {@link IllegalArgumentException} naming the bad value, so a script that reaches nft can only fail on what nft
 * knows (missing objects, busy chains, bad statements). Each operation is one script line; {@link #opAtLine(int)}
 * maps the line number in nft's error back to the call that made it.
 *
 * <p>Thread safety: none; a transaction is built and applied by one thread.
 */
public final class NftTransaction {
    private final List<NftOp> ops = new ArrayList<>();

    public NftTransaction add(NftOp op) {
        ops.add(java.util.Objects.requireNonNull(op, "op"));
        return this;
    }

    public NftTransaction addTable(NftTable table) {
        return add(new NftOp.AddTable(table));
    }

    public NftTransaction deleteTable(NftTable table) {
        return add(new NftOp.DeleteTable(table));
    }

    /** nft 1.0.6 has no {@code destroy}: adding the table first makes the delete succeed whether it existed or not. */
    public NftTransaction deleteTableIfExists(NftTable table) {
        return addTable(table).deleteTable(table);
    }

    public NftTransaction flushTable(NftTable table) {
        return add(new NftOp.FlushTable(table));
    }

    public NftTransaction addChain(NftTable table, String chain) {
        return add(new NftOp.AddChain(table, chain, Optional.empty()));
    }

    public NftTransaction addBaseChain(NftTable table, String chain, NftBaseChain base) {
        return add(new NftOp.AddChain(table, chain, Optional.of(base)));
    }

    public NftTransaction deleteChain(NftTable table, String chain) {
        return add(new NftOp.DeleteChain(table, chain));
    }

    public NftTransaction flushChain(NftTable table, String chain) {
        return add(new NftOp.FlushChain(table, chain));
    }

    public NftTransaction addSet(NftTable table, NftSetSpec set) {
        return add(new NftOp.AddSet(table, set, List.of()));
    }

    /** Declares a set with its elements in the same command. */
    public NftTransaction addSet(NftTable table, NftSetSpec set, Collection<String> keys) {
        return add(new NftOp.AddSet(table, set, keys.stream().map(NftElement::of).toList()));
    }

    /** Declares a verdict map with its elements in the same command. */
    public NftTransaction addVerdictMap(NftTable table, NftSetSpec map, Map<String, NftVerdict> elements) {
        return add(new NftOp.AddSet(table, map, verdictElements(elements)));
    }

    public NftTransaction deleteSet(NftTable table, NftSetSpec set) {
        return add(new NftOp.DeleteSet(table, set.name(), set.isMap()));
    }

    public NftTransaction flushSet(NftTable table, NftSetSpec set) {
        return add(new NftOp.FlushSet(table, set.name(), set.isMap()));
    }

    /** Adds set elements; nothing is rendered when {@code keys} is empty. */
    public NftTransaction addElements(NftTable table, NftSetSpec set, Collection<String> keys) {
        return keys.isEmpty() ? this : add(new NftOp.AddElements(table, set, keys.stream().map(NftElement::of).toList()));
    }

    /** Adds verdict-map elements; nothing is rendered when {@code elements} is empty. */
    public NftTransaction addVerdictElements(NftTable table, NftSetSpec map, Map<String, NftVerdict> elements) {
        return elements.isEmpty() ? this : add(new NftOp.AddElements(table, map, verdictElements(elements)));
    }

    /** Adds map elements of a non-verdict map; nothing is rendered when {@code elements} is empty. */
    public NftTransaction addMapElements(NftTable table, NftSetSpec map, Map<String, String> elements) {
        List<NftElement> list = elements.entrySet().stream().map(e -> NftElement.of(e.getKey(), e.getValue())).toList();
        return list.isEmpty() ? this : add(new NftOp.AddElements(table, map, list));
    }

    /** Deletes set or map elements by key; nothing is rendered when {@code keys} is empty. */
    public NftTransaction deleteElements(NftTable table, NftSetSpec set, Collection<String> keys) {
        return keys.isEmpty() ? this : add(new NftOp.DeleteElements(table, set, List.copyOf(keys)));
    }

    /** Appends a rule; {@code comment} may be null. */
    public NftTransaction addRule(NftTable table, String chain, String statements, String comment) {
        return add(new NftOp.AddRule(table, chain, statements, Optional.ofNullable(comment), false, OptionalLong.empty()));
    }

    /** Adds a rule right after the rule with handle {@code afterHandle}. */
    public NftTransaction addRuleAfter(NftTable table, String chain, long afterHandle, String statements, String comment) {
        return add(new NftOp.AddRule(table, chain, statements, Optional.ofNullable(comment), false, OptionalLong.of(afterHandle)));
    }

    /** Prepends a rule. */
    public NftTransaction insertRule(NftTable table, String chain, String statements, String comment) {
        return add(new NftOp.AddRule(table, chain, statements, Optional.ofNullable(comment), true, OptionalLong.empty()));
    }

    /** Adds a rule right before the rule with handle {@code beforeHandle}. */
    public NftTransaction insertRuleBefore(NftTable table, String chain, long beforeHandle, String statements, String comment) {
        return add(new NftOp.AddRule(table, chain, statements, Optional.ofNullable(comment), true, OptionalLong.of(beforeHandle)));
    }

    public NftTransaction replaceRule(NftTable table, String chain, long handle, String statements, String comment) {
        return add(new NftOp.ReplaceRule(table, chain, handle, statements, Optional.ofNullable(comment)));
    }

    public NftTransaction deleteRule(NftTable table, String chain, long handle) {
        return add(new NftOp.DeleteRule(table, chain, handle));
    }

    /** Escape hatch for commands the builder lacks; the line must still be one line of printable ASCII. */
    public NftTransaction raw(String line) {
        return add(new NftOp.Raw(line));
    }

    /** Appends every operation of {@code other}, so that parts of a pass built apart apply as one transaction. */
    public NftTransaction addAll(NftTransaction other) {
        ops.addAll(other.ops);
        return this;
    }

    public List<NftOp> ops() {
        return List.copyOf(ops);
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    public int size() {
        return ops.size();
    }

    /** The operation rendered at 1-based script line {@code line}, if the script has that line. */
    public Optional<NftOp> opAtLine(int line) {
        return line >= 1 && line <= ops.size() ? Optional.of(ops.get(line - 1)) : Optional.empty();
    }

    /** The whole transaction as an {@code nft -f} script, one line per operation. */
    public String script() {
        StringBuilder b = new StringBuilder(ops.size() * 64);
        for (NftOp op : ops) {
            b.append(op.render()).append('\n');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "NftTransaction(" + ops.size() + " ops)";
    }

    private static List<NftElement> verdictElements(Map<String, NftVerdict> elements) {
        return elements.entrySet().stream().map(e -> NftElement.of(e.getKey(), e.getValue().render())).toList();
    }
}
