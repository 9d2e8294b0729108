package dev.calyx.model.selector;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The parsed form of a selector: one record per node kind of libcalico-go's AST, so that printing a tree gives
 * Calico's canonical string byte for byte.
 *
 * <p>Canonical printing (Calico's {@code String()}): a value is quoted with {@code "} unless it contains a
 * {@code "}, then with {@code '}; {@code &&}/{@code ||} groups are always parenthesised, {@code !} is printed
 * without a space and without parentheses of its own; {@code in} sets are sorted (code point order, which is
 * Go's byte order) and de-duplicated.
 *
 * <p>Records validate labels (1–512 of {@code [A-Za-z0-9_./-]}) and values (a value holding both quote
 * characters cannot be written in Calico's syntax), so every tree prints to a string that parses back.
 */
public sealed interface SelectorExpr {

    /** Label name Calico puts on namespaced endpoints; {@link Global} matches endpoints without it. */
    String NAMESPACE_LABEL = "projectcalico.org/namespace";

    /** Whether an endpoint carrying {@code labels} is selected. */
    boolean matches(Map<String, String> labels);

    /** Appends Calico's canonical text of this node. */
    void appendTo(StringBuilder out);

    /** Calico's canonical text of this node. */
    default String canonical() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    /** Go compares strings byte-wise on UTF-8, which orders like code points (not like UTF-16 chars). */
    Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** {@code all()}: every endpoint. The empty selector parses to this. */
    record All() implements SelectorExpr {
        @Override public boolean matches(Map<String, String> labels) {
            return true;
        }

        @Override public void appendTo(StringBuilder out) {
            out.append("all()");
        }
    }

    /**
     * {@code global()}: endpoints that belong to no namespace. Calico's AST node evaluates to true and its rule
     * conversion rewrites {@code global()} to {@code !has(projectcalico.org/namespace)}; calyx folds that into
     * evaluation, which gives the same result on endpoints labelled the way Calico labels them.
     */
    record Global() implements SelectorExpr {
        @Override public boolean matches(Map<String, String> labels) {
            return !labels.containsKey(NAMESPACE_LABEL);
        }

        @Override public void appendTo(StringBuilder out) {
            out.append("global()");
        }
    }

    /** {@code has(label)}. */
    record Has(String label) implements SelectorExpr {
        public Has {
            checkLabel(label);
        }

        @Override public boolean matches(Map<String, String> labels) {
            return labels.containsKey(label);
        }

        @Override public void appendTo(StringBuilder out) {
            out.append("has(").append(label).append(')');
        }
    }

    /** {@code label == "value"}: false when the label is absent. */
    record Equals(String label, String value) implements SelectorExpr {
        public Equals {
            checkLabel(label);
            checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            return value.equals(labels.get(label));
        }

        @Override public void appendTo(StringBuilder out) {
            appendComparison(out, label, " == ", value);
        }
    }

    /** {@code label != "value"}: TRUE when the label is absent. */
    record NotEquals(String label, String value) implements SelectorExpr {
        public NotEquals {
            checkLabel(label);
            checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            return !value.equals(labels.get(label));
        }

        @Override public void appendTo(StringBuilder out) {
            appendComparison(out, label, " != ", value);
        }
    }

    /** {@code label contains "part"}: false when the label is absent. */
    record Contains(String label, String value) implements SelectorExpr {
        public Contains {
            checkLabel(label);
            checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && v.contains(value);
        }

        @Override public void appendTo(StringBuilder out) {
            appendComparison(out, label, " contains ", value);
        }
    }

    /** {@code label starts with "prefix"}: false when the label is absent. */
    record StartsWith(String label, String value) implements SelectorExpr {
        public StartsWith {
            checkLabel(label);
            checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && v.startsWith(value);
        }

        @Override public void appendTo(StringBuilder out) {
            appendComparison(out, label, " starts with ", value);
        }
    }

    /** {@code label ends with "suffix"}: false when the label is absent. */
    record EndsWith(String label, String value) implements SelectorExpr {
        public EndsWith {
            checkLabel(label);
            checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && v.endsWith(value);
        }

        @Override public void appendTo(StringBuilder out) {
            appendComparison(out, label, " ends with ", value);
        }
    }

    /** {@code label in {"a", "b"}}: false when the label is absent. Values are kept sorted and distinct. */
    record In(String label, List<String> values) implements SelectorExpr {
        public In {
            checkLabel(label);
            values = sortedSet(label, values);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && Collections.binarySearch(values, v, CODE_POINT_ORDER) >= 0;
        }

        @Override public void appendTo(StringBuilder out) {
            appendSet(out, label, " in {", values);
        }
    }

    /** {@code label not in {"a", "b"}}: TRUE when the label is absent. Values are kept sorted and distinct. */
    record NotIn(String label, List<String> values) implements SelectorExpr {
        public NotIn {
            checkLabel(label);
            values = sortedSet(label, values);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v == null || Collections.binarySearch(values, v, CODE_POINT_ORDER) < 0;
        }

        @Override public void appendTo(StringBuilder out) {
            appendSet(out, label, " not in {", values);
        }
    }

    /** {@code !operand}. The parser collapses {@code !!x} to {@code x}, so it never nests two of these. */
    record Not(SelectorExpr operand) implements SelectorExpr {
        public Not {
            Objects.requireNonNull(operand, "operand of !");
        }

        @Override public boolean matches(Map<String, String> labels) {
            return !operand.matches(labels);
        }

        @Override public void appendTo(StringBuilder out) {
            out.append('!');
            operand.appendTo(out);
        }
    }

    /** {@code (a && b && …)}, two or more operands, printed in source order. */
    record And(List<SelectorExpr> operands) implements SelectorExpr {
        public And {
            operands = checkOperands("&&", operands);
        }

        @Override public boolean matches(Map<String, String> labels) {
            for (SelectorExpr op : operands) {
                if (!op.matches(labels)) {
                    return false;
                }
            }
            return true;
        }

        @Override public void appendTo(StringBuilder out) {
            appendGroup(out, " && ", operands);
        }
    }

    /** {@code (a || b || …)}, two or more operands, printed in source order. */
    record Or(List<SelectorExpr> operands) implements SelectorExpr {
        public Or {
            operands = checkOperands("||", operands);
        }

        @Override public boolean matches(Map<String, String> labels) {
            for (SelectorExpr op : operands) {
                if (op.matches(labels)) {
                    return true;
                }
            }
            return false;
        }

        @Override public void appendTo(StringBuilder out) {
            appendGroup(out, " || ", operands);
        }
    }

    private static void checkLabel(String label) {
        if (label == null || !SelectorTokenizer.isValidLabel(label)) {
            throw new IllegalArgumentException("selector label \"" + label + "\" is not 1-"
                    + SelectorTokenizer.MAX_LABEL_LENGTH + " characters of [A-Za-z0-9_./-]");
        }
    }

    private static void checkValue(String label, String value) {
        if (value == null) {
            throw new IllegalArgumentException("selector value for label \"" + label + "\" is null");
        }
        if (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("selector value for label \"" + label + "\" holds both ' and \": "
                    + "Calico's selector syntax has no escapes to write it");
        }
    }

    private static List<String> sortedSet(String label, List<String> values) {
        Objects.requireNonNull(values, "value set for label " + label);
        TreeSet<String> sorted = new TreeSet<>(CODE_POINT_ORDER);
        for (String v : values) {
            checkValue(label, v);
            sorted.add(v);
        }
        return List.copyOf(sorted);
    }

    private static List<SelectorExpr> checkOperands(String op, List<SelectorExpr> operands) {
        List<SelectorExpr> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("'" + op + "' needs at least two operands, got " + copy.size());
        }
        return copy;
    }

    private static void appendQuoted(StringBuilder out, String value) {
        char quote = value.indexOf('"') >= 0 ? '\'' : '"';
        out.append(quote).append(value).append(quote);
    }

    private static void appendComparison(StringBuilder out, String label, String op, String value) {
        out.append(label).append(op);
        appendQuoted(out, value);
    }

    private static void appendSet(StringBuilder out, String label, String op, List<String> values) {
        out.append(label).append(op);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendQuoted(out, values.get(i));
        }
        out.append('}');
    }

    private static void appendGroup(StringBuilder out, String op, List<SelectorExpr> operands) {
        out.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(op);
            }
            operands.get(i).appendTo(out);
        }
        out.append(')');
    }
}
