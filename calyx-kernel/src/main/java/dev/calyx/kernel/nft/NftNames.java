package dev.calyx.kernel.nft;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks every name and string that goes into a script, so that nothing a caller passes can end a command early
 * or start another one.
 *
 * <p>nft 1.0.6 does not accept quoted identifiers ({@code add chain inet t "fwd"} is a syntax error), so a table,
 * chain or set name must be a bare word that nft's scanner reads as a string: a letter or {@code _}, then letters,
 * digits, {@code _ . -}. It must also not be one of nft's keywords ({@code fwd}, {@code ip}, {@code vmap}...),
 * which the scanner turns into tokens; that list comes from the installed libnftables (resource
 * {@code nft-keywords.txt}) and errs on the side of refusing.
 *
 * <p>Quoted strings (comments, interface names) cannot contain {@code "}: nft has no escape for it inside quotes.
 */
public final class NftNames {
    /** NFT_NAME_MAXLEN is 256 including the NUL. */
    public static final int MAX_NAME_LENGTH = 255;
    /** nft stores comments in NFT_USERDATA_MAXLEN (256) bytes of user data, with a tag and a length. */
    public static final int MAX_COMMENT_LENGTH = 250;
    /** IFNAMSIZ is 16 including the NUL. */
    public static final int MAX_IFNAME_LENGTH = 15;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
    private static final Set<String> KEYWORDS = loadKeywords();

    private NftNames() {
    }

    /** Returns {@code name} if nft accepts it as the name of a {@code kind}; otherwise throws naming both. */
    public static String requireIdentifier(String kind, String name) {
        if (name == null) {
            throw new IllegalArgumentException("nft " + kind + " name is null");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("nft " + kind + " name '" + printable(name) + "' must be 1.."
                    + MAX_NAME_LENGTH + " characters");
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("nft " + kind + " name '" + printable(name)
                    + "' must be a letter or '_' followed by letters, digits, '_', '.', '-'");
        }
        if (isKeyword(name)) {
            throw new IllegalArgumentException("nft " + kind + " name '" + name + "' is an nft keyword");
        }
        return name;
    }

    /** True when nft's scanner reads {@code word} as a keyword rather than a name. */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    /** {@code "text"}, after checking that {@code text} is printable ASCII without {@code "} or {@code \}. */
    public static String quote(String what, String text, int maxLength) {
        if (text == null) {
            throw new IllegalArgumentException("nft " + what + " is null");
        }
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("nft " + what + " '" + printable(text) + "' is longer than "
                    + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new IllegalArgumentException("nft " + what + " '" + printable(text)
                        + "' contains a character nft cannot quote at index " + i);
            }
        }
        return "\"" + text + "\"";
    }

    /** A comment as nft writes it: {@code comment "text"}. */
    public static String comment(String text) {
        return "comment " + quote("comment", text, MAX_COMMENT_LENGTH);
    }

    /**
     * Returns a rule's statements if they stay within one command: printable ASCII, no {@code ;} (which ends a
     * command), no {@code #} (which starts a comment and would swallow the rule's own comment), no {@code \},
     * and quotes that pair up. What the statements mean is nft's to judge.
     */
    public static String requireStatements(String statements) {
        if (statements == null || statements.isBlank()) {
            throw new IllegalArgumentException("nft rule statements are empty");
        }
        int quotes = 0;
        for (int i = 0; i < statements.length(); i++) {
            char c = statements.charAt(i);
            if (c < 0x20 || c > 0x7e || c == ';' || c == '#' || c == '\\') {
                throw new IllegalArgumentException("nft rule '" + printable(statements)
                        + "' contains '" + printable(String.valueOf(c)) + "' at index " + i
                        + " (a rule is one command: no ';', '#', '\\' or control characters)");
            }
            if (c == '"') {
                quotes++;
            }
        }
        if (quotes % 2 != 0) {
            throw new IllegalArgumentException("nft rule '" + printable(statements) + "' has an unpaired '\"'");
        }
        return statements;
    }

    /** Control characters shown as {@code \\uXXXX} so that an error message stays on one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 80) + 8);
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return s.length() > 80 ? b.append("...").toString() : b.toString();
    }

    private static Set<String> loadKeywords() {
        try (InputStream in = NftNames.class.getResourceAsStream("nft-keywords.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource dev/calyx/kernel/nft/nft-keywords.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("read nft-keywords.txt", e);
        }
    }
}
