package dev.calyx.model.selector;

import dev.calyx.model.selector.SelectorToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser with libcalico-go's grammar and tree shapes:
 * <pre>
 * selector   := EOF                       (means all())
 *             | or EOF
 * or         := and ( "||" and )*          (one operand: no Or node)
 * and        := operation ( "&&" operation )*
 * operation  := "!"* ( has(l) | all() | global() | "(" or ")" | comparison )
 *                                           (an odd number of "!" gives one Not, an even number none)
 * comparison := label ( "==" | "!=" | contains | starts with | ends with ) string
 *             | label ( in | not in ) "{" [ string ( "," string )* [","] ] "}"
 * </pre>
 * So {@code !a == "b"} is {@code !(a == "b")}, and {@code &&} binds tighter than {@code ||}.
 */
final class SelectorParser {
    private final String input;
    private final List<SelectorToken> tokens;
    private int next;

    private SelectorParser(String input) {
        this.input = input;
        this.tokens = SelectorTokenizer.tokenize(input);
    }

    static SelectorExpr parse(String input) {
        return new SelectorParser(input).root();
    }

    private SelectorExpr root() {
        if (peek().kind() == Kind.EOF) {
            return new SelectorExpr.All();
        }
        SelectorExpr expr = or();
        if (peek().kind() != Kind.EOF) {
            throw error(peek(), "unexpected " + peek().describe() + " after a complete expression"
                    + " (expected '&&', '||' or the end)");
        }
        return expr;
    }

    private SelectorExpr or() {
        List<SelectorExpr> operands = new ArrayList<>();
        operands.add(and());
        while (peek().kind() == Kind.OR) {
            next++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new SelectorExpr.Or(operands);
    }

    private SelectorExpr and() {
        List<SelectorExpr> operands = new ArrayList<>();
        operands.add(operation());
        while (peek().kind() == Kind.AND) {
            next++;
            operands.add(operation());
        }
        return operands.size() == 1 ? operands.getFirst() : new SelectorExpr.And(operands);
    }

    private SelectorExpr operation() {
        boolean negated = false;
        while (peek().kind() == Kind.NOT) {
            negated = !negated;
            next++;
        }
        SelectorToken t = take();
        SelectorExpr expr = switch (t.kind()) {
            case HAS -> new SelectorExpr.Has(t.value());
            case ALL -> new SelectorExpr.All();
            case GLOBAL -> new SelectorExpr.Global();
            case LABEL -> comparison(t);
            case LPAREN -> {
                SelectorExpr inner = or();
                expect(Kind.RPAREN, "expected ')' to close the '(' at position " + t.position());
                yield inner;
            }
            default -> throw error(t, "unexpected " + t.describe()
                    + " (expected a label, has(), all(), global(), '!' or '(')");
        };
        return negated ? new SelectorExpr.Not(expr) : expr;
    }

    private SelectorExpr comparison(SelectorToken label) {
        SelectorToken op = take();
        String l = label.value();
        return switch (op.kind()) {
            case EQ -> new SelectorExpr.Equals(l, string(op));
            case NE -> new SelectorExpr.NotEquals(l, string(op));
            case CONTAINS -> new SelectorExpr.Contains(l, string(op));
            case STARTS_WITH -> new SelectorExpr.StartsWith(l, string(op));
            case ENDS_WITH -> new SelectorExpr.EndsWith(l, string(op));
            case IN -> new SelectorExpr.In(l, set(op));
            case NOT_IN -> new SelectorExpr.NotIn(l, set(op));
            default -> throw error(op, "expected an operator (==, !=, in, not in, contains, starts with, ends with)"
                    + " after label \"" + l + "\", found " + op.describe());
        };
    }

    private String string(SelectorToken op) {
        return expect(Kind.STRING, "expected a quoted string after " + op.describe()).value();
    }

    /** A set literal; Calico allows {@code {}} and a trailing comma, not a leading or doubled one. */
    private List<String> set(SelectorToken op) {
        expect(Kind.LBRACE, "expected a set literal '{' after " + op.describe());
        List<String> values = new ArrayList<>();
        while (peek().kind() == Kind.STRING) {
            values.add(take().value());
            if (peek().kind() != Kind.COMMA) {
                break;
            }
            next++;
        }
        expect(Kind.RBRACE, "expected a quoted string or '}' in the set after " + op.describe());
        return values;
    }

    private SelectorToken expect(Kind kind, String reason) {
        SelectorToken t = peek();
        if (t.kind() != kind) {
            throw error(t, reason + ", found " + t.describe());
        }
        next++;
        return t;
    }

    private SelectorToken peek() {
        return tokens.get(next);
    }

    /** Consumes a token; never moves past EOF, which every token list ends with. */
    private SelectorToken take() {
        SelectorToken t = tokens.get(next);
        if (t.kind() != Kind.EOF) {
            next++;
        }
        return t;
    }

    private SelectorParseException error(SelectorToken at, String reason) {
        return new SelectorParseException(input, at.position(), reason);
    }
}
