package dev.calyx.model.validation;

import dev.calyx.model.selector.Selector;
import dev.calyx.model.selector.SelectorParseException;

/** Selector syntax check used by validation: Calico's grammar, via the selector parser. */
final class SelectorSyntax {
    private SelectorSyntax() {
    }

    /** A description of what is wrong with the selector (with its position), or null if Calico accepts it. */
    static String check(String selector) {
        try {
            Selector.parse(selector);
            return null;
        } catch (SelectorParseException e) {
            return e.reason() + " at position " + e.position();
        }
    }
}
