package dev.calyx.model.selector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed Calico selector: its tree ({@link #root()}), its canonical text and its unique id.
 *
 * <p>Model. Two selectors are equal when their canonical texts are equal, which is how Calico de-duplicates
 * them: {@code k == 'v' && x == 'y'} and {@code (k=="v"&&x=="y")} are one selector. The canonical text is
 * libcalico-go's {@code String()} of the same tree, and {@link #uniqueId()} is its {@code UniqueID()}:
 * {@code "s:" + base64url(SHA-224("s:" + canonical))} without padding, the name felix gives the IP set of a
 * selector, so kernel set names computed by calyx match Calico's.
 *
 * <p>Semantics worth remembering: {@code k == "v"}, {@code contains}, {@code starts with}, {@code ends with}
 * and {@code in} are false when {@code k} is absent; {@code k != "v"} and {@code not in} are true when it is
 * absent; the empty selector is {@code all()}; {@code global()} matches endpoints without the
 * {@code projectcalico.org/namespace} label (see {@link SelectorExpr.Global}).
 *
 * <p>Thread safety: immutable; safe to share between threads.
 */
public final class Selector {
    /** {@code all()}, what an empty selector means. */
    public static final Selector ALL = new Selector(new SelectorExpr.All());

    private final SelectorExpr root;
    private final String canonical;
    private volatile String uniqueId;

    private Selector(SelectorExpr root) {
        this.root = root;
        this.canonical = root.canonical();
    }

    /**
     * Parses a selector exactly as Calico does.
     *
     * @throws SelectorParseException if Calico would reject {@code text}; it carries the position at fault
     */
    public static Selector parse(String text) {
        Objects.requireNonNull(text, "selector text");
        return new Selector(SelectorParser.parse(text));
    }

    /**
     * A selector for a tree built in code. The tree is printed and parsed again, so the result has the shape
     * the parser gives ({@code !!x} becomes {@code x}, a nested {@code (a && b) && c} keeps its parentheses).
     */
    public static Selector of(SelectorExpr expr) {
        Objects.requireNonNull(expr, "selector expression");
        return parse(expr.canonical());
    }

    /** The tree, as Calico's parser shapes it. */
    public SelectorExpr root() {
        return root;
    }

    /** Whether an endpoint with these labels is selected. */
    public boolean matches(Map<String, String> labels) {
        return root.matches(labels);
    }

    /** Calico's canonical text of this selector ({@code all()} for the empty selector). */
    public String canonical() {
        return canonical;
    }

    /** Calico's {@code UniqueID()}: {@code s:} + base64url(SHA-224("s:" + canonical)), 40 characters. */
    public String uniqueId() {
        String id = uniqueId;
        if (id == null) {
            id = uniqueIdOf(canonical);
            uniqueId = id;
        }
        return id;
    }

    static String uniqueIdOf(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-224")
                    .digest(("s:" + canonical).getBytes(StandardCharsets.UTF_8));
            return "s:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-224, which every Java SE platform provides", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selector other && canonical.equals(other.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The canonical text. */
    @Override
    public String toString() {
        return canonical;
    }
}
