package dev.calyx.kernel.nft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads nft's error output and turns it into an {@link NftException} that names the failing operation.
 *
 * <p>nft writes one block per error: {@code /dev/stdin:2:32-38: Error: element does not exist}, then the line,
 * then a caret marker. Input read from a buffer by libnftables is named {@code <cmdline>} instead of
 * {@code /dev/stdin}; errors not tied to input have no location ({@code Error: ...}).
 */
public final class NftDiagnostics {
    private static final Pattern LOCATED = Pattern.compile("^[^\\n]*?:(\\d+):(\\d+)-(\\d+): Error: (.*)$");
    private static final Pattern BARE = Pattern.compile("^(?:[^\\n:]*: )?Error: (.*)$");

    private NftDiagnostics() {
    }

    /** One error nft reported; {@code line} 0 when it named no line. */
    public record Diagnostic(int line, int firstColumn, int lastColumn, String message) {
    }

    /** Every error in {@code stderr}, in nft's order. */
    public static List<Diagnostic> parse(String stderr) {
        List<Diagnostic> out = new ArrayList<>();
        for (String l : stderr.split("\n")) {
            Matcher m = LOCATED.matcher(l);
            if (m.matches()) {
                out.add(new Diagnostic(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), m.group(4).strip()));
                continue;
            }
            Matcher b = BARE.matcher(l);
            if (b.matches()) {
                out.add(new Diagnostic(0, 0, 0, b.group(1).strip()));
            }
        }
        return out;
    }

    /**
     * The exception for a failed run of {@code tx}: the first error with a line names that line, its text and
     * the operation; the others are appended. {@code action} says what was attempted ("apply", "check"),
     * {@code where} where (" in netns /var/run/netns/x", or empty).
     */
    public static NftException failure(String action, String where, NftTransaction tx, String script, String stderr) {
        List<Diagnostic> all = parse(stderr);
        Diagnostic first = all.stream().filter(d -> d.line() > 0).findFirst()
                .orElse(all.isEmpty() ? new Diagnostic(0, 0, 0, stderr.strip()) : all.getFirst());
        String[] lines = script.split("\n", -1);
        String text = first.line() > 0 && first.line() <= lines.length ? lines[first.line() - 1] : null;
        NftOp op = tx.opAtLine(first.line()).orElse(null);
        StringBuilder msg = new StringBuilder("nft ").append(action).append(" of ").append(tx.size())
                .append("-line transaction").append(where).append(" failed");
        if (first.line() > 0) {
            msg.append(" at line ").append(first.line());
            if (op != null) {
                msg.append(" (").append(op.describe()).append(')');
            }
        }
        msg.append(": ").append(first.message().isEmpty() ? "nft gave no message" : first.message());
        if (text != null) {
            msg.append("\n  line ").append(first.line()).append(": ").append(abbreviate(text));
        }
        all.stream().filter(d -> d != first).limit(5).forEach(d -> msg.append("\n  also")
                .append(d.line() > 0 ? " line " + d.line() : "").append(": ").append(d.message()));
        return new NftException(msg.toString(), first.line(), text, op, first.message());
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "... (" + line.length() + " chars)";
    }
}
