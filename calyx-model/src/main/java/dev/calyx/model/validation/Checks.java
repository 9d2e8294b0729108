package dev.calyx.model.validation;

import dev.calyx.model.numorstring.Port;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Field-level checks shared by the kind validators; messages follow Calico's / Kubernetes' wording. */
final class Checks {
    static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
    static final Pattern NAME = Pattern.compile("^" + SUBDOMAIN_FMT + "$");
    static final Pattern DNS_LABEL = Pattern.compile("^" + LABEL_FMT + "$");
    static final Pattern INTERFACE = Pattern.compile("^[a-zA-Z0-9_.-]{1,15}$");
    static final Pattern IFACE_FILTER = Pattern.compile("^[a-zA-Z0-9:._+-]{1,15}$");
    private static final Pattern QUALIFIED_NAME_PART = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    private static final Pattern DURATION = Pattern.compile("^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$|^0$");
    private static final Pattern MAC = Pattern.compile(
            "^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}$");

    private Checks() {
    }

    static void oneOf(Problems p, String path, String value, String... allowed) {
        if (value == null) {
            return;
        }
        if (!List.of(allowed).contains(value)) {
            p.add(path, unsupported(value, allowed));
        }
    }

    /** Like {@link #oneOf} but case-insensitive, for fields whose CRD pattern is {@code (?i)}. */
    static void oneOfIgnoreCase(Problems p, String path, String value, String... allowed) {
        if (value == null || value.isEmpty()) {
            return;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return;
            }
        }
        p.add(path, unsupported(value, allowed));
    }

    static String unsupported(String value, String... allowed) {
        return "Unsupported value: \"" + value + "\": supported values: "
                + List.of(allowed).stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
    }

    static void required(Problems p, String path, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            p.add(path, "Required value");
        }
    }

    static void range(Problems p, String path, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            p.add(path, "Invalid value: " + value + ": must be between " + min + " and " + max + ", inclusive");
        }
    }

    static void maxItems(Problems p, String path, Collection<?> items, int max) {
        if (items != null && items.size() > max) {
            p.add(path, "Too many: " + items.size() + ": must have at most " + max + " items");
        }
    }

    static void resourceName(Problems p, String path, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.length() > 253 || !NAME.matcher(name).matches()) {
            p.add(path, "invalid name \"" + name + "\": must consist of lower case alphanumeric characters, "
                    + "'-' or '.' (regex: " + SUBDOMAIN_FMT + ")");
        }
    }

    static void interfaceName(Problems p, String path, String name, boolean allowStar) {
        if (name == null || name.isEmpty() || (allowStar && name.equals("*"))) {
            return;
        }
        if (!INTERFACE.matcher(name).matches()) {
            p.add(path, "invalid interface name \"" + name + "\"");
        }
    }

    static void duration(Problems p, String path, String value) {
        if (value != null && !DURATION.matcher(value).matches()) {
            p.add(path, "invalid duration \"" + value + "\" (expected e.g. 90s, 1m30s, 500ms)");
        }
    }

    static void mac(Problems p, String path, String value) {
        if (value != null && !value.isEmpty() && !MAC.matcher(value).matches()) {
            p.add(path, "invalid MAC address \"" + value + "\"");
        }
    }

    static void regexp(Problems p, String path, String value) {
        if (value == null) {
            return;
        }
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            p.add(path, "invalid regular expression \"" + value + "\": " + e.getDescription());
        }
    }

    static void port(Problems p, String path, Port port) {
        if (port == null) {
            p.add(path, "Required value");
            return;
        }
        String problem = port.problem();
        if (problem != null) {
            p.add(path, problem);
        }
    }

    static void selector(Problems p, String path, String selector) {
        if (selector == null || selector.isEmpty()) {
            return;
        }
        String problem = SelectorSyntax.check(selector);
        if (problem != null) {
            p.add(path, "invalid selector \"" + selector + "\": " + problem);
        }
    }

    /** Kubernetes IsQualifiedName: optional DNS-subdomain prefix and "/", then a 63-char name. */
    static String qualifiedNameProblem(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty()) {
                return "prefix part must be non-empty";
            }
            if (prefix.length() > 253 || !NAME.matcher(prefix).matches()) {
                return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
                        + "characters, '-' or '.', and must start and end with an alphanumeric character";
            }
        }
        if (name.isEmpty()) {
            return "name part must be non-empty";
        }
        if (name.length() > 63) {
            return "name part must be no more than 63 characters";
        }
        if (!QUALIFIED_NAME_PART.matcher(name).matches()) {
            return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                    + "with an alphanumeric character";
        }
        return null;
    }

    static void labels(Problems p, String path, Map<String, String> labels) {
        if (labels == null) {
            return;
        }
        labels.forEach((k, v) -> {
            String keyProblem = qualifiedNameProblem(k);
            if (keyProblem != null) {
                p.add(path + "[" + k + "]", "invalid label key \"" + k + "\": " + keyProblem);
            }
            if (v != null && !v.isEmpty() && (v.length() > 63 || !QUALIFIED_NAME_PART.matcher(v).matches())) {
                p.add(path + "[" + k + "]", "invalid label value \"" + v + "\": must be 63 characters or less "
                        + "and consist of alphanumeric characters, '-', '_' or '.', starting and ending with an "
                        + "alphanumeric character");
            }
        });
    }

    static void annotations(Problems p, String path, Map<String, String> annotations) {
        if (annotations == null) {
            return;
        }
        long total = 0;
        for (var e : annotations.entrySet()) {
            String keyProblem = qualifiedNameProblem(e.getKey().toLowerCase(java.util.Locale.ROOT));
            if (keyProblem != null) {
                p.add(path + "[" + e.getKey() + "]", "invalid annotation key \"" + e.getKey() + "\": " + keyProblem);
            }
            total += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
        }
        if (total > 256 * 1024) {
            p.add(path, "total size of annotations is too large by " + (total - 256 * 1024) + " bytes");
        }
    }

    /** Kubernetes IsValidPortName (IANA service name). */
    static String portNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "port name must not be empty";
        }
        if (name.length() > 15) {
            return "port name must be no more than 15 characters";
        }
        if (!name.matches("^[-a-z0-9]+$")) {
            return "port name must contain only lowercase alphanumeric characters or '-'";
        }
        if (!name.matches(".*[a-z].*")) {
            return "port name must contain at least one letter";
        }
        if (name.contains("--") || name.startsWith("-") || name.endsWith("-")) {
            return "port name must not begin or end with a hyphen or contain adjacent hyphens";
        }
        return null;
    }
}
