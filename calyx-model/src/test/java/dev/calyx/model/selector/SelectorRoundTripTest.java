package dev.calyx.model.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded property tests of the grammar: a random tree printed with random spacing, quote styles, operator
 * spellings ({@code notin}, {@code startswith}), redundant parentheses and double negations parses back to
 * the tree's canonical form, and evaluates like the tree. Trees are first given the parser's shape
 * ({@link Selector#of}): a hand-built {@code !!x} has no text that parses back to it.
 */
class SelectorRoundTripTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void noisyTextParsesToTheCanonicalForm(long seed) {
        RandomSelectors gen = new RandomSelectors(seed);
        Random rnd = gen.random();
        for (int i = 0; i < 300; i++) {
            SelectorExpr expr = gen.expr(3);
            Selector normalised = Selector.of(expr);
            String canonical = normalised.canonical();
            String noisy = new NoisyPrinter(rnd).print(normalised.root());
            Selector parsed = Selector.parse(noisy);
            assertThat(parsed.canonical()).as("seed %d: %s printed as %s", seed, canonical, noisy)
                    .isEqualTo(canonical);
            for (int j = 0; j < 5; j++) {
                Map<String, String> labels = gen.labels();
                assertThat(parsed.matches(labels)).as("seed %d: %s on %s", seed, noisy, labels)
                        .isEqualTo(expr.matches(labels));
            }
        }
    }

    /** Prints a tree in any of the ways Calico accepts for it. */
    private record NoisyPrinter(Random rnd) {
        String print(SelectorExpr e) {
            StringBuilder sb = new StringBuilder(ws());
            operation(e, sb);
            return sb.append(ws()).toString();
        }

        private void operation(SelectorExpr e, StringBuilder sb) {
            if (!(e instanceof SelectorExpr.Not) && rnd.nextInt(8) == 0) {
                sb.append("!").append(ws()).append("!").append(ws());
            }
            boolean paren = !(e instanceof SelectorExpr.And || e instanceof SelectorExpr.Or) && rnd.nextInt(6) == 0;
            if (paren) {
                sb.append("(").append(ws());
            }
            node(e, sb);
            if (paren) {
                sb.append(ws()).append(")");
            }
        }

        private void node(SelectorExpr e, StringBuilder sb) {
            switch (e) {
                case SelectorExpr.All x -> sb.append("all(").append(ws()).append(")");
                case SelectorExpr.Global x -> sb.append("global(").append(ws()).append(")");
                case SelectorExpr.Has x -> sb.append("has(").append(ws()).append(x.label()).append(ws()).append(")");
                case SelectorExpr.Equals x -> cmp(sb, x.label(), "==", x.value(), true);
                case SelectorExpr.NotEquals x -> cmp(sb, x.label(), "!=", x.value(), true);
                case SelectorExpr.Contains x -> cmp(sb, x.label(), "contains", x.value(), false);
                case SelectorExpr.StartsWith x -> cmp(sb, x.label(), pick("starts with", "startswith", "starts\twith"),
                        x.value(), false);
                case SelectorExpr.EndsWith x -> cmp(sb, x.label(), pick("ends with", "endswith"), x.value(), false);
                case SelectorExpr.In x -> set(sb, x.label(), "in", x.values());
                case SelectorExpr.NotIn x -> set(sb, x.label(), pick("not in", "notin", "not  in"), x.values());
                case SelectorExpr.Not x -> {
                    sb.append("!").append(ws());
                    operation(x.operand(), sb);
                }
                case SelectorExpr.And x -> group(sb, x.operands(), "&&");
                case SelectorExpr.Or x -> group(sb, x.operands(), "||");
            }
        }

        /** Symbol operators may touch their operands; word operators need a space before them. */
        private void cmp(StringBuilder sb, String label, String op, String value, boolean symbol) {
            sb.append(label).append(symbol ? ws() : " " + ws()).append(op).append(ws()).append(quote(value));
        }

        private void set(StringBuilder sb, String label, String op, List<String> values) {
            sb.append(label).append(" ").append(op).append(ws()).append("{").append(ws());
            for (int i = values.size() - 1; i >= 0; i--) {
                sb.append(quote(values.get(i))).append(ws());
                if (i > 0 || rnd.nextInt(4) == 0) {
                    sb.append(",").append(ws());
                }
            }
            sb.append("}");
        }

        /** Always parenthesised: the tree may be an operand of another group, and parentheses keep its shape. */
        private void group(StringBuilder sb, List<SelectorExpr> operands, String op) {
            sb.append("(").append(ws());
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    sb.append(ws()).append(op).append(ws());
                }
                SelectorExpr o = operands.get(i);
                if (o instanceof SelectorExpr.Not || o instanceof SelectorExpr.And || o instanceof SelectorExpr.Or) {
                    node(o, sb);
                } else {
                    operation(o, sb);
                }
            }
            sb.append(ws()).append(")");
        }

        private String quote(String v) {
            char q = v.contains("\"") ? '\'' : v.contains("'") ? '"' : rnd.nextBoolean() ? '"' : '\'';
            return q + v + q;
        }

        private String ws() {
            return switch (rnd.nextInt(6)) {
                case 0 -> " ";
                case 1 -> "  ";
                case 2 -> "\t";
                default -> "";
            };
        }

        private String pick(String... options) {
            return options[rnd.nextInt(options.length)];
        }
    }
}
