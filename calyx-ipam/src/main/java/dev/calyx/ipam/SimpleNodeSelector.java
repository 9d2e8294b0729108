package dev.calyx.ipam;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Calico's selector grammar that IP pools use in practice: {@code all()}, {@code k == "v"},
 * {@code k != "v"}, {@code has(k)}, joined by {@code &&}. Anything else is refused with the selector named, rather
 * than guessed at; the full grammar lives in calyx-model's selector package.
 */
public final class SimpleNodeSelector implements NodeSelectorMatcher {
    private static final Pattern EQ = Pattern.compile("^([\\w./-]+)\\s*(==|!=)\\s*[\"']([^\"']*)[\"']$");
    private static final Pattern HAS = Pattern.compile("^has\\(\\s*([\\w./-]+)\\s*\\)$");

    @Override
    public boolean matches(String selector, Map<String, String> labels) {
        String s = selector == null ? "" : selector.strip();
        if (s.isEmpty() || s.equals("all()")) {
            return true;
        }
        for (String term : s.split("&&")) {
            if (!term(selector, term.strip(), labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean term(String selector, String t, Map<String, String> labels) {
        if (t.equals("all()")) {
            return true;
        }
        Matcher m = EQ.matcher(t);
        if (m.matches()) {
            boolean eq = m.group(3).equals(labels.get(m.group(1)));
            return m.group(2).equals("==") == eq;
        }
        Matcher h = HAS.matcher(t);
        if (h.matches()) {
            return labels.containsKey(h.group(1));
        }
        throw new IllegalArgumentException("nodeSelector \"" + selector + "\": unsupported term \"" + t
                + "\" (supported: all(), k == \"v\", k != \"v\", has(k), joined by &&)");
    }
}
