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
            elements = Elements.check(set, elements);
        }

        public String render() {
            String init = elements.isEmpty() ? "" : " elements = " + Elements.render(set, elements) + ";";
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
            elements = Elements.check(set, elements);
            Elements.requireNonEmpty(set, elements);
        }

        public String render() {
            return "add element " + table.spec() + " " + set.name() + " " + Elements.render(set, elements);
        }

        public String describe() {
            return Elements.describe("add", table, set, elements);
        }
    }

    /** Deletes by key; for a map only the keys matter, values are not rendered. */
    record DeleteElements(NftTable table, NftSetSpec set, List<String> keys) implements NftOp {
        public DeleteElements {
            keys = List.copyOf(keys);
            Elements.requireNonEmpty(set, keys);
            keys.forEach(k -> set.keyType().renderElement(k, set.name()));
        }

        public String render() {
            return "delete element " + table.spec() + " " + set.name() + " { "
                    + keys.stream().map(k -> Elements.checked(set.keyType(), k))
                            .collect(Collectors.joining(", ")) + " }";
        }

        public String describe() {
            return Elements.describe("delete", table, set, keys);
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
            Rules.requireHandle(handle);
        }

        public String render() {
            return "replace rule " + table.spec() + " " + chain + " handle " + handle + " " + statements
                    + comment.map(c -> " " + NftNames.comment(c)).orElse("");
        }
    }

    record DeleteRule(NftTable table, String chain, long handle) implements NftOp {
        public DeleteRule {
            NftNames.requireIdentifier("chain", chain);
            Rules.requireHandle(handle);
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

    /** Shared checks and rendering of element lists. */
    final class Elements {
        private static final java.util.regex.Pattern VERDICT =
                java.util.regex.Pattern.compile("accept|drop|continue|return|(jump|goto) \\S+");

        private Elements() {
        }

        static List<NftElement> check(NftSetSpec set, List<NftElement> elements) {
            List<NftElement> copy = List.copyOf(elements);
            for (NftElement e : copy) {
                set.keyType().renderElement(e.key(), set.name());
                if (e.value().isPresent() != set.isMap()) {
                    throw new IllegalArgumentException("nft " + set.kind() + " " + set.name() + ": element '"
                            + NftNames.printable(e.toString()) + (set.isMap() ? "' needs a value" : "' cannot have a value"));
                }
                e.value().ifPresent(v -> checkValue(set, v));
            }
            return copy;
        }

        private static void checkValue(NftSetSpec set, String value) {
            NftDataType data = set.dataType().orElseThrow();
            if (data != NftDataType.VERDICT) {
                data.renderElement(value, set.name());
            } else if (!VERDICT.matcher(value).matches()) {
                throw new IllegalArgumentException("nft map " + set.name() + ": '" + NftNames.printable(value)
                        + "' is not a verdict");
            } else if (value.indexOf(' ') > 0) {
                NftNames.requireIdentifier("chain", value.substring(value.indexOf(' ') + 1));
            }
        }

        static void requireNonEmpty(NftSetSpec set, List<?> elements) {
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("nft " + set.kind() + " " + set.name() + ": no elements given");
            }
        }

        static String render(NftSetSpec set, List<NftElement> elements) {
            StringBuilder b = new StringBuilder(elements.size() * 20 + 4).append("{ ");
            for (int i = 0; i < elements.size(); i++) {
                NftElement e = elements.get(i);
                if (i > 0) {
                    b.append(", ");
                }
                b.append(checked(set.keyType(), e.key()));
                if (e.value().isPresent()) {
                    b.append(" : ").append(checked(set.dataType().get(), e.value().get()));
                }
            }
            return b.append(" }").toString();
        }

        /** Renders an element {@link #check} already accepted, without checking it again. */
        static String checked(NftDataType type, String element) {
            return type == NftDataType.IFNAME ? "\"" + element + "\"" : element;
        }

        static String describe(String verb, NftTable table, NftSetSpec set, List<?> elements) {
            String first = elements.isEmpty() ? "" : " " + elements.getFirst();
            return verb + " element " + table.spec() + " " + set.name() + " {" + first
                    + (elements.size() > 1 ? ", ... (" + elements.size() + " elements)" : "") + " }";
        }
    }

    /** Rule handle checks. */
    final class Rules {
        private Rules() {
        }

        static void requireHandle(long handle) {
            if (handle <= 0) {
                throw new IllegalArgumentException("nft rule handle " + handle + " must be positive");
            }
        }
    }
}
