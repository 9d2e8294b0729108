package dev.calyx.calc;

/** What a matching rule does. {@code PASS} skips the rest of the tier; {@code LOG} logs and continues. */
public enum RuleAction {
    ALLOW, DENY, PASS, LOG;

    /**
     * Calico's spelling ({@code Allow}, case-insensitive as Calico accepts it). Input is validated upstream;
     * anything else fails closed as {@code DENY} rather than opening the dataplane.
     */
    public static RuleAction of(String action) {
        if (action == null) {
            return DENY;
        }
        return switch (action.toLowerCase(java.util.Locale.ROOT)) {
            case "allow" -> ALLOW;
            case "pass", "next-tier" -> PASS;
            case "log" -> LOG;
            default -> DENY;
        };
    }
}
