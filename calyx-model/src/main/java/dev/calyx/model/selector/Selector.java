package dev.calyx.model.selector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    private final Set<String> labelKeys;
    private volatile String uniqueId;

    private Selector(SelectorExpr root) {
        this.root = root;
        this.canonical = root.canonical();
        Set<String> keys = new HashSet<>();
        collectKeys(root, keys);
        this.labelKeys = Set.copyOf(keys);
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

    /**
     * This selector with {@code prefix} put before every label name, as Calico's {@code PrefixVisitor} does
     * when it moves a namespace or service-account selector onto endpoint labels ({@code pcns.},
     * {@code pcsa.}): {@code k == 'v' || has(x)} with {@code pcns.} becomes {@code (pcns.k == "v" || has(pcns.x))}.
     *
     * @throws IllegalArgumentException if a prefixed label is not a valid label (too long, bad characters)
     */
    public Selector withLabelPrefix(String prefix) {
        Objects.requireNonNull(prefix, "label prefix");
        return new Selector(prefixed(root, prefix));
    }

    private static SelectorExpr prefixed(SelectorExpr e, String p) {
        return switch (e) {
            case SelectorExpr.Equals x -> new SelectorExpr.Equals(p + x.label(), x.value());
            case SelectorExpr.NotEquals x -> new SelectorExpr.NotEquals(p + x.label(), x.value());
            case SelectorExpr.Contains x -> new SelectorExpr.Contains(p + x.label(), x.value());
            case SelectorExpr.StartsWith x -> new SelectorExpr.StartsWith(p + x.label(), x.value());
            case SelectorExpr.EndsWith x -> new SelectorExpr.EndsWith(p + x.label(), x.value());
            case SelectorExpr.In x -> new SelectorExpr.In(p + x.label(), x.values());
            case SelectorExpr.NotIn x -> new SelectorExpr.NotIn(p + x.label(), x.values());
            case SelectorExpr.Has x -> new SelectorExpr.Has(p + x.label());
            case SelectorExpr.Not x -> new SelectorExpr.Not(prefixed(x.operand(), p));
            case SelectorExpr.And x -> new SelectorExpr.And(x.operands().stream().map(o -> prefixed(o, p)).toList());
            case SelectorExpr.Or x -> new SelectorExpr.Or(x.operands().stream().map(o -> prefixed(o, p)).toList());
            case SelectorExpr.All x -> x;
            case SelectorExpr.Global x -> x;
        };
    }

    /** The tree, as Calico's parser shapes it. */
    public SelectorExpr root() {
        return root;
    }

    /**
     * The label keys whose presence or value can change this selector's answer; {@code global()} counts as
     * reading {@value SelectorExpr#NAMESPACE_LABEL}. Two label sets that agree on these keys get the same answer.
     */
    public Set<String> labelKeys() {
        return labelKeys;
    }

    private static void collectKeys(SelectorExpr e, Set<String> out) {
        switch (e) {
            case SelectorExpr.Equals x -> out.add(x.label());
            case SelectorExpr.NotEquals x -> out.add(x.label());
            case SelectorExpr.Contains x -> out.add(x.label());
            case SelectorExpr.StartsWith x -> out.add(x.label());
            case SelectorExpr.EndsWith x -> out.add(x.label());
            case SelectorExpr.In x -> out.add(x.label());
            case SelectorExpr.NotIn x -> out.add(x.label());
            case SelectorExpr.Has x -> out.add(x.label());
            case SelectorExpr.Global x -> out.add(SelectorExpr.NAMESPACE_LABEL);
            case SelectorExpr.Not x -> collectKeys(x.operand(), out);
            case SelectorExpr.And x -> x.operands().forEach(o -> collectKeys(o, out));
            case SelectorExpr.Or x -> x.operands().forEach(o -> collectKeys(o, out));
            case SelectorExpr.All x -> { }
        }
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
