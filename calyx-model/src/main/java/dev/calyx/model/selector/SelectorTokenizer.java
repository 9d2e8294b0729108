package dev.calyx.model.selector;

import dev.calyx.model.selector.SelectorToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a selector into tokens exactly as libcalico-go's tokenizer does, so that calyx accepts and rejects the
 * same strings as Calico.
 *
 * <p>Rules worth knowing, because they surprise: only space and tab are whitespace (a newline is an error);
 * strings are {@code "…"} or {@code '…'} with no escapes; a label is 1–512 of {@code [A-Za-z0-9_./-]}; the word
 * operators ({@code contains}, {@code starts with}, {@code ends with}, {@code not in}, {@code in}) are only
 * recognised straight after a label, and the two-word ones may be written without the space
 * ({@code startswith}, {@code notin}); {@code has(}, {@code all(} and {@code global(} must be written without a
 * space before the parenthesis, but may hold spaces inside it. Positions are Java char indexes.
 */
final class SelectorTokenizer {
    static final int MAX_LABEL_LENGTH = 512;

    private final String input;
    private final List<SelectorToken> tokens = new ArrayList<>();
    private int pos;

    private SelectorTokenizer(String input) {
        this.input = input;
    }

    static List<SelectorToken> tokenize(String input) {
        SelectorTokenizer t = new SelectorTokenizer(input);
        t.run();
        return t.tokens;
    }

    static boolean isLabelChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '_' || c == '.' || c == '/' || c == '-';
    }

    /** True if {@code label} is a whole, valid label (what Calico's {@code ValidLabel} accepts). */
    static boolean isValidLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            if (!isLabelChar(label.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        skipWhitespace();
        while (pos < input.length()) {
            nextToken();
            skipWhitespace();
        }
        tokens.add(new SelectorToken(Kind.EOF, "", input.length()));
    }

    private void nextToken() {
        int start = pos;
        char c = input.charAt(pos);
        switch (c) {
            case '(' -> single(Kind.LPAREN);
            case ')' -> single(Kind.RPAREN);
            case '{' -> single(Kind.LBRACE);
            case '}' -> single(Kind.RBRACE);
            case ',' -> single(Kind.COMMA);
            case '"', '\'' -> quoted(c);
            case '=' -> pair("==", Kind.EQ, "expected '==' (a single '=' is not an operator)");
            case '&' -> pair("&&", Kind.AND, "expected '&&' (a single '&' is not an operator)");
            case '|' -> pair("||", Kind.OR, "expected '||' (a single '|' is not an operator)");
            case '!' -> {
                if (input.startsWith("!=", pos)) {
                    pos += 2;
                    add(Kind.NE, "", start);
                } else {
                    single(Kind.NOT);
                }
            }
            default -> {
                if (lastKind() == Kind.LABEL) {
                    operatorAfterLabel();
                } else {
                    wordOrLabel();
                }
            }
        }
    }

    private void operatorAfterLabel() {
        int start = pos;
        Kind kind;
        if (cutWords("contains")) {
            kind = Kind.CONTAINS;
        } else if (cutWords("starts", "with")) {
            kind = Kind.STARTS_WITH;
        } else if (cutWords("ends", "with")) {
            kind = Kind.ENDS_WITH;
        } else if (cutWords("not", "in")) {
            kind = Kind.NOT_IN;
        } else if (cutWords("in")) {
            kind = Kind.IN;
        } else {
            throw error(start, "expected an operator (==, !=, in, not in, contains, starts with, ends with) after "
                    + "label \"" + tokens.getLast().value() + "\"");
        }
        add(kind, "", start);
    }

    private void wordOrLabel() {
        int start = pos;
        if (input.startsWith("has(", pos)) {
            pos += 4;
            skipWhitespace();
            String label = label();
            skipWhitespace();
            closeParen("has(");
            add(Kind.HAS, label, start);
        } else if (input.startsWith("all(", pos)) {
            pos += 4;
            skipWhitespace();
            closeParen("all(");
            add(Kind.ALL, "", start);
        } else if (input.startsWith("global(", pos)) {
            pos += 7;
            skipWhitespace();
            closeParen("global(");
            add(Kind.GLOBAL, "", start);
        } else {
            add(Kind.LABEL, label(), start);
        }
    }

    private String label() {
        int start = pos;
        while (pos < input.length() && isLabelChar(input.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw error(start, pos < input.length()
                    ? "unexpected character '" + input.charAt(pos) + "' (expected a label)"
                    : "expected a label");
        }
        if (pos - start > MAX_LABEL_LENGTH) {
            throw error(start, "label longer than " + MAX_LABEL_LENGTH + " characters");
        }
        return input.substring(start, pos);
    }

    private void closeParen(String opened) {
        if (pos < input.length() && input.charAt(pos) == ')') {
            pos++;
        } else {
            throw error(pos, "expected ')' to close " + opened);
        }
    }

    /**
     * Consumes a keyword made of one or more words (whitespace allowed between them) if it ends on a word
     * boundary; otherwise consumes nothing. "in" must not swallow the start of a label such as "inner".
     */
    private boolean cutWords(String... words) {
        int p = pos;
        for (int i = 0; i < words.length; i++) {
            if (!input.startsWith(words[i], p)) {
                return false;
            }
            p += words[i].length();
            if (i < words.length - 1) {
                p = skipWhitespace(p);
            }
        }
        if (p < input.length() && isLabelChar(input.charAt(p))) {
            return false;
        }
        pos = p;
        return true;
    }

    private void quoted(char quote) {
        int start = pos;
        int end = input.indexOf(quote, pos + 1);
        if (end < 0) {
            throw error(start, "unterminated string (no closing " + quote + ")");
        }
        pos = end + 1;
        add(Kind.STRING, input.substring(start + 1, end), start);
    }

    private void pair(String op, Kind kind, String error) {
        if (!input.startsWith(op, pos)) {
            throw error(pos, error);
        }
        add(kind, "", pos);
        pos += 2;
    }

    private void single(Kind kind) {
        add(kind, "", pos);
        pos++;
    }

    private void add(Kind kind, String value, int start) {
        tokens.add(new SelectorToken(kind, value, start));
    }

    private Kind lastKind() {
        return tokens.isEmpty() ? null : tokens.getLast().kind();
    }

    private void skipWhitespace() {
        pos = skipWhitespace(pos);
    }

    private int skipWhitespace(int from) {
        int p = from;
        while (p < input.length() && (input.charAt(p) == ' ' || input.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private SelectorParseException error(int position, String reason) {
        return new SelectorParseException(input, position, reason);
    }
}
