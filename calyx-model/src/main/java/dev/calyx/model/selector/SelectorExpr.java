package dev.calyx.model.selector;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * characters cannot be written in Calico's syntax), so every tree prints to a string the parser accepts.
 * Not always to the same tree: {@code !(!x)} parses to {@code Not(Not(x))}, which prints as {@code !!x},
 * which parses to {@code x}. Calico does the same, and its ids depend on it, so it is kept.
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
            SelectorText.checkLabel(label);
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
            SelectorText.checkLabel(label);
            SelectorText.checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            return value.equals(labels.get(label));
        }

        @Override public void appendTo(StringBuilder out) {
            SelectorText.appendComparison(out, label, " == ", value);
        }
    }

    /** {@code label != "value"}: TRUE when the label is absent. */
    record NotEquals(String label, String value) implements SelectorExpr {
        public NotEquals {
            SelectorText.checkLabel(label);
            SelectorText.checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            return !value.equals(labels.get(label));
        }

        @Override public void appendTo(StringBuilder out) {
            SelectorText.appendComparison(out, label, " != ", value);
        }
    }

    /** {@code label contains "part"}: false when the label is absent. */
    record Contains(String label, String value) implements SelectorExpr {
        public Contains {
            SelectorText.checkLabel(label);
            SelectorText.checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && v.contains(value);
        }

        @Override public void appendTo(StringBuilder out) {
            SelectorText.appendComparison(out, label, " contains ", value);
        }
    }

    /** {@code label starts with "prefix"}: false when the label is absent. */
    record StartsWith(String label, String value) implements SelectorExpr {
        public StartsWith {
            SelectorText.checkLabel(label);
            SelectorText.checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && v.startsWith(value);
        }

        @Override public void appendTo(StringBuilder out) {
            SelectorText.appendComparison(out, label, " starts with ", value);
        }
    }

    /** {@code label ends with "suffix"}: false when the label is absent. */
    record EndsWith(String label, String value) implements SelectorExpr {
        public EndsWith {
            SelectorText.checkLabel(label);
            SelectorText.checkValue(label, value);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && v.endsWith(value);
        }

        @Override public void appendTo(StringBuilder out) {
            SelectorText.appendComparison(out, label, " ends with ", value);
        }
    }

    /** {@code label in {"a", "b"}}: false when the label is absent. Values are kept sorted and distinct. */
    record In(String label, List<String> values) implements SelectorExpr {
        public In {
            SelectorText.checkLabel(label);
            values = SelectorText.sortedSet(label, values);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v != null && Collections.binarySearch(values, v, SelectorText.CODE_POINT_ORDER) >= 0;
        }

        @Override public void appendTo(StringBuilder out) {
            SelectorText.appendSet(out, label, " in {", values);
        }
    }

    /** {@code label not in {"a", "b"}}: TRUE when the label is absent. Values are kept sorted and distinct. */
    record NotIn(String label, List<String> values) implements SelectorExpr {
        public NotIn {
            SelectorText.checkLabel(label);
            values = SelectorText.sortedSet(label, values);
        }

        @Override public boolean matches(Map<String, String> labels) {
            String v = labels.get(label);
            return v == null || Collections.binarySearch(values, v, SelectorText.CODE_POINT_ORDER) < 0;
        }

        @Override public void appendTo(StringBuilder out) {
            SelectorText.appendSet(out, label, " not in {", values);
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
            operands = SelectorText.checkOperands("&&", operands);
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
            SelectorText.appendGroup(out, " && ", operands);
        }
    }

    /** {@code (a || b || …)}, two or more operands, printed in source order. */
    record Or(List<SelectorExpr> operands) implements SelectorExpr {
        public Or {
            operands = SelectorText.checkOperands("||", operands);
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
            SelectorText.appendGroup(out, " || ", operands);
        }
    }
}
