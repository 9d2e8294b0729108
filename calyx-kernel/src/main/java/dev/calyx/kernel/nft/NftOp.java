package dev.calyx.kernel.nft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One command of a transaction. Each renders to exactly one script line, so that an error at line N names the
 * N-th operation. The records are public so that a fake backend can replay them onto a model instead of parsing
 * the script; all arguments were checked when the record was made.
 */
public sealed interface NftOp {
    /** The command as one line of an {@code nft -f} script, without the newline. */
    String render();

    /** A short description for error messages: the command without its (possibly thousands of) elements. */
    default String describe() {
        return render();
    }

    record AddTable(NftTable table) implements NftOp {
        public String render() {
            return "add table " + table.spec();
        }
    }

    record DeleteTable(NftTable table) implements NftOp {
        public String render() {
            return "delete table " + table.spec();
        }
    }

    record FlushTable(NftTable table) implements NftOp {
        public String render() {
            return "flush table " + table.spec();
        }
    }

    /** A regular chain when {@code base} is empty. */
    record AddChain(NftTable table, String chain, Optional<NftBaseChain> base) implements NftOp {
        public AddChain {
            NftNames.requireIdentifier("chain", chain);
            Objects.requireNonNull(base, "base");
        }

        public String render() {
            return "add chain " + table.spec() + " " + chain + base.map(b -> " " + b.render()).orElse("");
        }
    }

    record DeleteChain(NftTable table, String chain) implements NftOp {
        public DeleteChain {
            NftNames.requireIdentifier("chain", chain);
        }

        public String render() {
            return "delete chain " + table.spec() + " " + chain;
        }
    }

    record FlushChain(NftTable table, String chain) implements NftOp {
        public FlushChain {
            NftNames.requireIdentifier("chain", chain);
        }

        public String render() {
            return "flush chain " + table.spec() + " " + chain;
        }
    }

    /** Declares a set or map, with initial elements when {@code elements} is not empty. */
    record AddSet(NftTable table, NftSetSpec set, List<NftElement> elements) implements NftOp {
        public AddSet {
            elements = NftOpChecks.check(set, elements);
        }

        public String render() {
            String init = elements.isEmpty() ? "" : " elements = " + NftOpChecks.render(set, elements) + ";";
            return "add " + set.kind() + " " + table.spec() + " " + set.name() + " { " + set.renderDeclaration()
                    + init + " }";
        }

        public String describe() {
            return "add " + set.kind() + " " + table.spec() + " " + set.name() + " (" + elements.size()
                    + " elements)";
        }
    }

    record DeleteSet(NftTable table, String name, boolean map) implements NftOp {
        public DeleteSet {
            NftNames.requireIdentifier(map ? "map" : "set", name);
        }

        public String render() {
            return "delete " + (map ? "map " : "set ") + table.spec() + " " + name;
        }
    }

    /** Removes every element. */
    record FlushSet(NftTable table, String name, boolean map) implements NftOp {
        public FlushSet {
            NftNames.requireIdentifier(map ? "map" : "set", name);
        }

        public String render() {
            return "flush " + (map ? "map " : "set ") + table.spec() + " " + name;
        }
    }

    record AddElements(NftTable table, NftSetSpec set, List<NftElement> elements) implements NftOp {
        public AddElements {
            elements = NftOpChecks.check(set, elements);
            NftOpChecks.requireNonEmpty(set, elements);
        }

        public String render() {
            return "add element " + table.spec() + " " + set.name() + " " + NftOpChecks.render(set, elements);
        }

        public String describe() {
            return NftOpChecks.describe("add", table, set, elements);
        }
    }

    /** Deletes by key; for a map only the keys matter, values are not rendered. */
    record DeleteElements(NftTable table, NftSetSpec set, List<String> keys) implements NftOp {
        public DeleteElements {
            keys = List.copyOf(keys);
            NftOpChecks.requireNonEmpty(set, keys);
            keys.forEach(k -> set.keyType().renderElement(k, set.name()));
        }

        public String render() {
            return "delete element " + table.spec() + " " + set.name() + " { "
                    + keys.stream().map(k -> NftOpChecks.checked(set.keyType(), k))
                            .collect(Collectors.joining(", ")) + " }";
        }

        public String describe() {
            return NftOpChecks.describe("delete", table, set, keys);
        }
    }

    /**
     * {@code add rule} appends, or places the rule after the rule {@code position} names; {@code insert rule}
     * ({@code insert} true) prepends, or places it before that rule.
     */
    record AddRule(NftTable table, String chain, String statements, Optional<String> comment, boolean insert,
                   OptionalLong position) implements NftOp {
        public AddRule {
            NftNames.requireIdentifier("chain", chain);
            NftNames.requireStatements(statements);
            comment.ifPresent(NftNames::comment);
            Objects.requireNonNull(position, "position");
        }

        public String render() {
            String pos = position.isPresent() ? " position " + position.getAsLong() : "";
            return (insert ? "insert rule " : "add rule ") + table.spec() + " " + chain + pos + " " + statements
                    + comment.map(c -> " " + NftNames.comment(c)).orElse("");
        }
    }

    record ReplaceRule(NftTable table, String chain, long handle, String statements, Optional<String> comment)
            implements NftOp {
        public ReplaceRule {
            NftNames.requireIdentifier("chain", chain);
            NftNames.requireStatements(statements);
            comment.ifPresent(NftNames::comment);
            NftOpChecks.requireHandle(handle);
        }

        public String render() {
            return "replace rule " + table.spec() + " " + chain + " handle " + handle + " " + statements
                    + comment.map(c -> " " + NftNames.comment(c)).orElse("");
        }
    }

    record DeleteRule(NftTable table, String chain, long handle) implements NftOp {
        public DeleteRule {
            NftNames.requireIdentifier("chain", chain);
            NftOpChecks.requireHandle(handle);
        }

        public String render() {
            return "delete rule " + table.spec() + " " + chain + " handle " + handle;
        }
    }

    /** A line the builder has no method for, passed through after a check that it is one line of ASCII. */
    record Raw(String line) implements NftOp {
        public Raw {
            if (line == null || line.isBlank() || !line.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
                throw new IllegalArgumentException("raw nft line '" + NftNames.printable(String.valueOf(line))
                        + "' must be one non-empty line of printable ASCII");
            }
        }

        public String render() {
            return line;
        }
    }
}
