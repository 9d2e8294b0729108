package dev.calyx.model.validation;

/**
 * Selector syntax check used by validation. Interim: checks quoting and bracket balance only, until the selector
 * parser ({@code dev.calyx.model.selector.Selector.parse}) is merged; then this delegates to it.
 */
final class SelectorSyntax {
    private SelectorSyntax() {
    }

    /** A description of what is wrong with the selector, or null if it is acceptable. */
    static String check(String selector) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '(', '{' -> depth++;
                case ')', '}' -> {
                    if (--depth < 0) {
                        return "unexpected '" + c + "' at position " + i;
                    }
                }
                default -> {
                }
            }
        }
        if (quote != 0) {
            return "unterminated string literal";
        }
        return depth == 0 ? null : "unbalanced brackets";
    }
}
