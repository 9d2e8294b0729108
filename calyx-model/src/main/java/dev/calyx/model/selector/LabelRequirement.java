package dev.calyx.model.selector;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a Kubernetes label selector's {@code matchExpressions}: {@code key}, {@code operator} and
 * {@code values}. Kubernetes requires values for {@code In}/{@code NotIn} and none for {@code Exists}/
 * {@code DoesNotExist}; that is the API server's validation, so it is not repeated here (Calico converts what
 * it is given).
 */
public record LabelRequirement(String key, Operator operator, List<String> values) {

    /** Kubernetes' {@code LabelSelectorOperator}, spelled as in the API. */
    public enum Operator {
        In, NotIn, Exists, DoesNotExist;

        /** Parses the API spelling ("In", "NotIn", "Exists", "DoesNotExist"). */
        public static Operator fromApi(String text) {
            for (Operator op : values()) {
                if (op.name().equals(text)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("matchExpressions operator \"" + text
                    + "\" is not one of In, NotIn, Exists, DoesNotExist");
        }
    }

    public LabelRequirement {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("matchExpressions key must not be empty");
        }
        Objects.requireNonNull(operator, "matchExpressions operator for key " + key);
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static LabelRequirement in(String key, String... values) {
        return new LabelRequirement(key, Operator.In, List.of(values));
    }

    public static LabelRequirement notIn(String key, String... values) {
        return new LabelRequirement(key, Operator.NotIn, List.of(values));
    }

    public static LabelRequirement exists(String key) {
        return new LabelRequirement(key, Operator.Exists, List.of());
    }

    public static LabelRequirement doesNotExist(String key) {
        return new LabelRequirement(key, Operator.DoesNotExist, List.of());
    }
}
