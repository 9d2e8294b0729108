package dev.calyx.testkit;

import dev.calyx.kernel.nft.NftBaseChain;
import dev.calyx.kernel.nft.NftDataType;
import dev.calyx.kernel.nft.NftElement;
import dev.calyx.kernel.nft.NftOp;
import dev.calyx.kernel.nft.NftSetSpec;
import dev.calyx.kernel.nft.NftTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state {@link FakeNft} keeps: tables of chains (with rules) and sets (with elements), and the replay of one
 * {@link NftOp} onto it with nft's answers for the common mistakes: a missing object is ENOENT, deleting a chain
 * that has rules or is jumped to (or a set a rule uses) is EBUSY, redeclaring a set with another type is EEXIST,
 * a rule that names a missing {@code @set} or {@code jump} target is ENOENT.
 *
 * <p>Elements are kept in nft's listed form ({@link NftDataType#canonical}). Not modelled: statement syntax and
 * interval overlap. Handles are per table and increase, as in the kernel.
 */
final class FakeNftModel {
    private static final Pattern SET_REF = Pattern.compile("@([A-Za-z_][A-Za-z0-9_.\\-]*)");
    private static final Pattern CHAIN_REF = Pattern.compile("\\b(?:jump|goto) ([A-Za-z_][A-Za-z0-9_.\\-]*)");

    static final class Table {
        long nextHandle = 1;
        final Map<String, Chain> chains = new LinkedHashMap<>();
        final Map<String, Set> sets = new LinkedHashMap<>();

        Table copy() {
            Table t = new Table();
            t.nextHandle = nextHandle;
            chains.forEach((k, v) -> t.chains.put(k, v.copy()));
            sets.forEach((k, v) -> t.sets.put(k, v.copy()));
            return t;
        }
    }

    record Chain(long handle, Optional<NftBaseChain> base, List<Rule> rules) {
        Chain copy() {
            return new Chain(handle, base, new ArrayList<>(rules));
        }
    }

    record Rule(long handle, String statements, Optional<String> comment) {
    }

    record Set(long handle, NftSetSpec spec, Map<String, NftElement> elements) {
        Set copy() {
            return new Set(handle, spec, new LinkedHashMap<>(elements));
        }
    }

    final Map<NftTable, Table> tables = new LinkedHashMap<>();

    FakeNftModel copy() {
        FakeNftModel m = new FakeNftModel();
        tables.forEach((k, v) -> m.tables.put(k, v.copy()));
        return m;
    }

    /** Applies one operation; throws {@link IllegalStateException} with nft's message when nft would refuse it. */
    void apply(NftOp op) {
        switch (op) {
            case NftOp.AddTable o -> tables.computeIfAbsent(o.table(), t -> new Table());
            case NftOp.DeleteTable o -> {
                table(o.table());
                tables.remove(o.table());
            }
            case NftOp.FlushTable o -> table(o.table()).chains.values().forEach(c -> c.rules().clear());
            case NftOp.AddChain o -> {
                Table t = table(o.table());
                if (!t.chains.containsKey(o.chain())) {
                    t.chains.put(o.chain(), new Chain(t.nextHandle++, o.base(), new ArrayList<>()));
                }
            }
            case NftOp.DeleteChain o -> deleteChain(table(o.table()), o.chain());
            case NftOp.FlushChain o -> chain(table(o.table()), o.chain()).rules().clear();
            case NftOp.AddSet o -> addSet(table(o.table()), o);
            case NftOp.DeleteSet o -> deleteSet(table(o.table()), o.name());
            case NftOp.FlushSet o -> set(table(o.table()), o.name()).elements().clear();
            case NftOp.AddElements o -> putElements(table(o.table()), set(table(o.table()), o.set().name()), o.elements());
            case NftOp.DeleteElements o -> deleteElements(set(table(o.table()), o.set().name()), o.keys());
            case NftOp.AddRule o -> addRule(table(o.table()), o);
            case NftOp.ReplaceRule o -> replaceRule(table(o.table()), o);
            case NftOp.DeleteRule o -> chain(table(o.table()), o.chain()).rules().remove(rule(table(o.table()), o.chain(), o.handle()));
            case NftOp.Raw o -> throw new IllegalStateException("FakeNft cannot model raw line: " + o.line());
        }
    }

    private void addSet(Table t, NftOp.AddSet o) {
        Set existing = t.sets.get(o.set().name());
        if (existing != null && !existing.spec().equals(o.set())) {
            throw new IllegalStateException("Could not process rule: File exists");
        }
        Set s = existing != null ? existing : new Set(t.nextHandle++, o.set(), new LinkedHashMap<>());
        t.sets.put(o.set().name(), s);
        putElements(t, s, o.elements());
    }

    /** Adding an element that exists is not an error in nft ({@code add}, unlike {@code create}). */
    private static void putElements(Table t, Set s, List<NftElement> elements) {
        for (NftElement e : elements) {
            e.value().ifPresent(v -> refs(CHAIN_REF, v).forEach(c -> chain(t, c)));
            String key = canonicalKey(s, e.key());
            s.elements().put(key, new NftElement(key, e.value().map(v -> canonicalValue(s, v))));
        }
    }

    /** Elements are kept in the form nft lists them, so the fake lists what nft would. */
    private static String canonicalKey(Set s, String key) {
        return s.spec().keyType().canonical(key, s.spec().name());
    }

    private static String canonicalValue(Set s, String value) {
        NftDataType data = s.spec().dataType().orElseThrow();
        return data == NftDataType.VERDICT ? value : data.canonical(value, s.spec().name());
    }

    private static void deleteElements(Set s, List<String> keys) {
        for (String k : keys) {
            if (s.elements().remove(canonicalKey(s, k)) == null) {
                throw new IllegalStateException("element does not exist");
            }
        }
    }

    private void deleteChain(Table t, String name) {
        Chain c = chain(t, name);
        boolean referenced = t.chains.values().stream().flatMap(x -> x.rules().stream())
                .anyMatch(r -> refs(CHAIN_REF, r.statements()).contains(name))
                || t.sets.values().stream().flatMap(s -> s.elements().values().stream())
                .anyMatch(e -> e.value().filter(v -> v.equals("jump " + name) || v.equals("goto " + name)).isPresent());
        if (!c.rules().isEmpty() || referenced) {
            throw new IllegalStateException("Could not process rule: Device or resource busy");
        }
        t.chains.remove(name);
    }

    private void deleteSet(Table t, String name) {
        set(t, name);
        boolean used = t.chains.values().stream().flatMap(c -> c.rules().stream())
                .anyMatch(r -> refs(SET_REF, r.statements()).contains(name));
        if (used) {
            throw new IllegalStateException("Could not process rule: Device or resource busy");
        }
        t.sets.remove(name);
    }

    private void addRule(Table t, NftOp.AddRule o) {
        List<Rule> rules = chain(t, o.chain()).rules();
        checkReferences(t, o.statements());
        Rule r = new Rule(t.nextHandle++, o.statements(), o.comment());
        if (o.position().isPresent()) {
            int at = rules.indexOf(rule(t, o.chain(), o.position().getAsLong()));
            rules.add(o.insert() ? at : at + 1, r);
        } else if (o.insert()) {
            rules.addFirst(r);
        } else {
            rules.add(r);
        }
    }

    private void replaceRule(Table t, NftOp.ReplaceRule o) {
        List<Rule> rules = chain(t, o.chain()).rules();
        checkReferences(t, o.statements());
        int at = rules.indexOf(rule(t, o.chain(), o.handle()));
        rules.set(at, new Rule(o.handle(), o.statements(), o.comment()));
    }

    private void checkReferences(Table t, String statements) {
        for (String s : refs(SET_REF, statements)) {
            set(t, s);
        }
        for (String c : refs(CHAIN_REF, statements)) {
            chain(t, c);
        }
    }

    private static List<String> refs(Pattern p, String statements) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(statements);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private Table table(NftTable table) {
        Table t = tables.get(table);
        if (t == null) {
            throw new IllegalStateException("Could not process rule: No such file or directory");
        }
        return t;
    }

    private static Chain chain(Table t, String name) {
        Chain c = t.chains.get(name);
        if (c == null) {
            throw new IllegalStateException("Could not process rule: No such file or directory");
        }
        return c;
    }

    private static Set set(Table t, String name) {
        Set s = t.sets.get(name);
        if (s == null) {
            throw new IllegalStateException("Could not process rule: No such file or directory");
        }
        return s;
    }

    private static Rule rule(Table t, String chain, long handle) {
        return chain(t, chain).rules().stream().filter(r -> r.handle() == handle).findFirst()
                .orElseThrow(() -> new IllegalStateException("Could not process rule: No such file or directory"));
    }
}
