package dev.calyx.model.selector;

/**
 * A selector expression that Calico's parser would reject. {@link #position()} is the 0-based index (in Java
 * chars) of the character or token at fault; {@link #render()} draws a caret under it.
 */
public final class SelectorParseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final String reason;

    public SelectorParseException(String expression, int position, String reason) {
        super("selector \"" + expression + "\": " + reason + " at position " + position);
        if (position < 0 || position > expression.length()) {
            throw new IllegalArgumentException("position " + position + " outside selector of length "
                    + expression.length());
        }
        this.expression = expression;
        this.position = position;
        this.reason = reason;
    }

    /** The selector text as given. */
    public String expression() {
        return expression;
    }

    /** 0-based index of the offending character; the expression's length for "unexpected end". */
    public int position() {
        return position;
    }

    /** What was wrong, without the expression or position ("expected a quoted string after =="). */
    public String reason() {
        return reason;
    }

    /**
     * The line of the expression that holds the error, a caret under the position, and the reason:
     * <pre>
     * a == b
     *      ^ expected a quoted string after ==
     * </pre>
     * Tabs before the position are kept in the caret line so the caret lines up in a terminal.
     */
    public String render() {
        int lineStart = expression.lastIndexOf('\n', position - 1) + 1;
        int lineEnd = expression.indexOf('\n', position);
        String line = expression.substring(lineStart, lineEnd < 0 ? expression.length() : lineEnd);
        StringBuilder caret = new StringBuilder();
        for (int i = lineStart; i < position; i++) {
            caret.append(expression.charAt(i) == '\t' ? '\t' : ' ');
        }
        return line + "\n" + caret + "^ " + reason;
    }
}
