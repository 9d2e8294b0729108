package dev.calyx.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A reachability matrix: rows are clients (from), columns servers (to), a cell {@code .} connects and {@code X}
 * does not.
 *
 * <p>Text form (the case files' {@code expect}, and what {@code calyx lab probe} prints), every token left-aligned
 * in a column 3 wide plus one space, trailing blanks trimmed:
 * <pre>
 * -   x/a x/b
 * x/a X   .
 * x/b .   .
 * </pre>
 * Parsing is whitespace-tolerant (tokens split on blanks), as the format checker is; rendering is exact.
 *
 * @param rows one string per client in {@code order}, one character ({@code .} or {@code X}) per server
 */
public record Matrix(List<PodRef> order, List<String> rows) {
    public static final char CONNECTS = '.';
    public static final char BLOCKED = 'X';

    public Matrix {
        order = List.copyOf(order);
        rows = List.copyOf(rows);
        if (rows.size() != order.size()) {
            throw new LabFormatException("matrix: " + rows.size() + " rows for " + order.size() + " pods");
        }
        for (int i = 0; i < rows.size(); i++) {
            String r = rows.get(i);
            if (r.length() != order.size() || !r.chars().allMatch(c -> c == CONNECTS || c == BLOCKED)) {
                throw new LabFormatException("matrix: row " + order.get(i) + " '" + r + "' must hold "
                        + order.size() + " cells of '.' or 'X'");
            }
        }
    }

    /** The matrix whose cell (from, to) is {@code connects.test(from, to)}. */
    public static Matrix of(List<PodRef> order, BiPredicate<PodRef, PodRef> connects) {
        List<String> rows = new ArrayList<>();
        for (PodRef from : order) {
            StringBuilder row = new StringBuilder();
            for (PodRef to : order) {
                row.append(connects.test(from, to) ? CONNECTS : BLOCKED);
            }
            rows.add(row.toString());
        }
        return new Matrix(order, rows);
    }

    /** Parses the text form; {@code where} names the source in errors. */
    public static Matrix parse(String text, String where) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.trim().split("\\s+"));
            }
        }
        if (lines.isEmpty() || !lines.getFirst()[0].equals("-")) {
            throw new LabFormatException(where + ": matrix header must start with '-'");
        }
        String[] header = lines.getFirst();
        List<PodRef> order = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            order.add(PodRef.parse(header[i]));
        }
        if (lines.size() != order.size() + 1) {
            throw new LabFormatException(where + ": matrix has " + (lines.size() - 1) + " rows, want "
                    + order.size() + " (one per header column)");
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String[] cells = lines.get(i + 1);
            if (!cells[0].equals(order.get(i).toString())) {
                throw new LabFormatException(where + ": matrix row " + (i + 1) + " labelled '" + cells[0]
                        + "', want '" + order.get(i) + "'");
            }
            if (cells.length != order.size() + 1) {
                throw new LabFormatException(where + ": matrix row " + cells[0] + " has " + (cells.length - 1)
                        + " cells, want " + order.size());
            }
            StringBuilder row = new StringBuilder();
            for (int j = 1; j < cells.length; j++) {
                if (!cells[j].equals(".") && !cells[j].equals("X")) {
                    throw new LabFormatException(where + ": matrix cell " + cells[0] + " -> " + order.get(j - 1)
                            + " is '" + cells[j] + "', want '.' or 'X'");
                }
                row.append(cells[j]);
            }
            rows.add(row.toString());
        }
        return new Matrix(order, rows);
    }

    public boolean connects(PodRef from, PodRef to) {
        return rows.get(index(from)).charAt(index(to)) == CONNECTS;
    }

    private int index(PodRef pod) {
        int i = order.indexOf(pod);
        if (i < 0) {
            throw new IllegalArgumentException("matrix has no pod " + pod);
        }
        return i;
    }

    /** The exact text form, lines ending in '\n'. */
    public String render() {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("-"));
        order.forEach(p -> header.add(p.toString()));
        appendLine(out, header);
        for (int i = 0; i < order.size(); i++) {
            List<String> line = new ArrayList<>(List.of(order.get(i).toString()));
            rows.get(i).chars().forEach(c -> line.add(String.valueOf((char) c)));
            appendLine(out, line);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> tokens) {
        StringBuilder line = new StringBuilder();
        for (String t : tokens) {
            line.append(t).append(" ".repeat(Math.max(1, 4 - t.length())));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /**
     * The cells where {@code observed} differs from this (expected) matrix, in row-major order; cells from a pod to
     * itself are skipped when {@code ignoreLoopback}.
     */
    public List<CellDiff> diff(Matrix observed, boolean ignoreLoopback) {
        if (!order.equals(observed.order)) {
            throw new IllegalArgumentException("matrices of different pods: " + order + " vs " + observed.order);
        }
        List<CellDiff> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            for (int j = 0; j < order.size(); j++) {
                char want = rows.get(i).charAt(j);
                char got = observed.rows.get(i).charAt(j);
                if (want != got && !(ignoreLoopback && i == j)) {
                    out.add(new CellDiff(order.get(i), order.get(j), want == CONNECTS, got == CONNECTS));
                }
            }
        }
        return out;
    }

    /** One differing cell. */
    public record CellDiff(PodRef from, PodRef to, boolean expectedConnect, boolean observedConnect) {
        @Override
        public String toString() {
            return from + " -> " + to + ": expected " + (expectedConnect ? "." : "X") + ", observed "
                    + (observedConnect ? "." : "X");
        }
    }
}
