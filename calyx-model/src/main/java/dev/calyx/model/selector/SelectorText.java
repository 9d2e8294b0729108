package dev.calyx.model.selector;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Validation and canonical printing shared by the {@link SelectorExpr} records. */
final class SelectorText {
    private SelectorText() {}

    /** Go compares strings byte-wise on UTF-8, which orders like code points (not like UTF-16 chars). */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
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

    static void checkLabel(String label) {
        if (label == null || !SelectorTokenizer.isValidLabel(label)) {
            throw new IllegalArgumentException("selector label \"" + label + "\" is not 1-"
                    + SelectorTokenizer.MAX_LABEL_LENGTH + " characters of [A-Za-z0-9_./-]");
        }
    }

    static void checkValue(String label, String value) {
        if (value == null) {
            throw new IllegalArgumentException("selector value for label \"" + label + "\" is null");
        }
        if (value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("selector value for label \"" + label + "\" holds both ' and \": "
                    + "Calico's selector syntax has no escapes to write it");
        }
    }

    static List<String> sortedSet(String label, List<String> values) {
        Objects.requireNonNull(values, "value set for label " + label);
        TreeSet<String> sorted = new TreeSet<>(CODE_POINT_ORDER);
        for (String v : values) {
            checkValue(label, v);
            sorted.add(v);
        }
        return List.copyOf(sorted);
    }

    static List<SelectorExpr> checkOperands(String op, List<SelectorExpr> operands) {
        List<SelectorExpr> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException("'" + op + "' needs at least two operands, got " + copy.size());
        }
        return copy;
    }

    static void appendQuoted(StringBuilder out, String value) {
        char quote = value.indexOf('"') >= 0 ? '\'' : '"';
        out.append(quote).append(value).append(quote);
    }

    static void appendComparison(StringBuilder out, String label, String op, String value) {
        out.append(label).append(op);
        appendQuoted(out, value);
    }

    static void appendSet(StringBuilder out, String label, String op, List<String> values) {
        out.append(label).append(op);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendQuoted(out, values.get(i));
        }
        out.append('}');
    }

    static void appendGroup(StringBuilder out, String op, List<SelectorExpr> operands) {
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
