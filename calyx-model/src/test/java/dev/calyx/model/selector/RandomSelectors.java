package dev.calyx.model.selector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generator of selectors and label sets over a small alphabet, so that matches are frequent. */
final class RandomSelectors {
    static final String[] KEYS = {"app", "tier", "env", SelectorExpr.NAMESPACE_LABEL};
    static final String[] VALUES = {"x", "y", "z"};

    private final Random rnd;

    RandomSelectors(long seed) {
        this.rnd = new Random(seed);
    }

    Random random() {
        return rnd;
    }

    Map<String, String> labels() {
        Map<String, String> m = new HashMap<>();
        for (String k : KEYS) {
            if (rnd.nextInt(3) > 0) {
                m.put(k, value());
            }
        }
        return m;
    }

    Selector selector() {
        return Selector.of(expr(3));
    }

    SelectorExpr expr(int depth) {
        int kind = rnd.nextInt(depth > 0 ? 14 : 10);
        String k = KEYS[rnd.nextInt(KEYS.length)];
        return switch (kind) {
            case 0, 1 -> new SelectorExpr.Equals(k, value());
            case 2 -> new SelectorExpr.NotEquals(k, value());
            case 3 -> new SelectorExpr.In(k, values());
            case 4 -> new SelectorExpr.NotIn(k, values());
            case 5 -> new SelectorExpr.Has(k);
            case 6 -> rnd.nextBoolean() ? new SelectorExpr.StartsWith(k, value()) : new SelectorExpr.EndsWith(k, value());
            case 7 -> rnd.nextInt(4) == 0 ? new SelectorExpr.All() : new SelectorExpr.Contains(k, value());
            case 8 -> new SelectorExpr.Global();
            case 9 -> new SelectorExpr.Not(new SelectorExpr.Has(k));
            case 10 -> new SelectorExpr.Not(expr(depth - 1));
            case 11 -> new SelectorExpr.Or(List.of(expr(depth - 1), expr(depth - 1)));
            default -> new SelectorExpr.And(List.of(expr(depth - 1), expr(depth - 1)));
        };
    }

    private String value() {
        return VALUES[rnd.nextInt(VALUES.length)];
    }

    private List<String> values() {
        List<String> vs = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            vs.add(value());
        }
        return vs;
    }
}
