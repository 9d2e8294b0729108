package dev.calyx.model.selector;

/** One token of a selector expression; {@code position} is where it starts in the input. */
record SelectorToken(Kind kind, String value, int position) {

    enum Kind {
        LABEL, STRING, LBRACE, RBRACE, COMMA, EQ, NE, NOT, IN, NOT_IN, CONTAINS, STARTS_WITH, ENDS_WITH,
        HAS, ALL, GLOBAL, LPAREN, RPAREN, AND, OR, EOF
    }

    SelectorToken {
        if (kind == null || value == null) {
            throw new IllegalArgumentException("token kind and value must not be null");
        }
    }

    /** How the token reads in an error message: {@code label "app"}, {@code "&&"}, {@code end of selector}. */
    String describe() {
        return switch (kind) {
            case LABEL -> "label \"" + value + "\"";
            case STRING -> "string \"" + value + "\"";
            case HAS -> "has(" + value + ")";
            case ALL -> "all()";
            case GLOBAL -> "global()";
            case EOF -> "end of selector";
            case LBRACE -> "'{'";
            case RBRACE -> "'}'";
            case COMMA -> "','";
            case LPAREN -> "'('";
            case RPAREN -> "')'";
            case EQ -> "'=='";
            case NE -> "'!='";
            case NOT -> "'!'";
            case AND -> "'&&'";
            case OR -> "'||'";
            case IN -> "'in'";
            case NOT_IN -> "'not in'";
            case CONTAINS -> "'contains'";
            case STARTS_WITH -> "'starts with'";
            case ENDS_WITH -> "'ends with'";
        };
    }
}
