package dev.calyx.kernel.nft;

import java.util.List;
import java.util.regex.Pattern;

/** Checks and rendering shared by the {@link NftOp} records: element lists against their set's types, handles. */
final class NftOpChecks {
    private static final Pattern VERDICT = Pattern.compile("accept|drop|continue|return|(jump|goto) \\S+");

    private NftOpChecks() {
    }

    static List<NftElement> check(NftSetSpec set, List<NftElement> elements) {
        List<NftElement> copy = List.copyOf(elements);
        for (NftElement e : copy) {
            set.keyType().renderElement(e.key(), set.name());
            if (e.value().isPresent() != set.isMap()) {
                throw new IllegalArgumentException("nft " + set.kind() + " " + set.name() + ": element '"
                        + NftNames.printable(e.toString()) + (set.isMap() ? "' needs a value" : "' cannot have a value"));
            }
            e.value().ifPresent(v -> checkValue(set, v));
        }
        return copy;
    }

    private static void checkValue(NftSetSpec set, String value) {
        NftDataType data = set.dataType().orElseThrow();
        if (data != NftDataType.VERDICT) {
            data.renderElement(value, set.name());
        } else if (!VERDICT.matcher(value).matches()) {
            throw new IllegalArgumentException("nft map " + set.name() + ": '" + NftNames.printable(value)
                    + "' is not a verdict");
        } else if (value.indexOf(' ') > 0) {
            NftNames.requireIdentifier("chain", value.substring(value.indexOf(' ') + 1));
        }
    }

    static void requireNonEmpty(NftSetSpec set, List<?> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("nft " + set.kind() + " " + set.name() + ": no elements given");
        }
    }

    static String render(NftSetSpec set, List<NftElement> elements) {
        StringBuilder b = new StringBuilder(elements.size() * 20 + 4).append("{ ");
        for (int i = 0; i < elements.size(); i++) {
            NftElement e = elements.get(i);
            if (i > 0) {
                b.append(", ");
            }
            b.append(checked(set.keyType(), e.key()));
            if (e.value().isPresent()) {
                b.append(" : ").append(checked(set.dataType().get(), e.value().get()));
            }
        }
        return b.append(" }").toString();
    }

    /** Renders an element {@link #check} already accepted, without checking it again. */
    static String checked(NftDataType type, String element) {
        return type == NftDataType.IFNAME ? "\"" + element + "\"" : element;
    }

    static String describe(String verb, NftTable table, NftSetSpec set, List<?> elements) {
        String first = elements.isEmpty() ? "" : " " + elements.getFirst();
        return verb + " element " + table.spec() + " " + set.name() + " {" + first
                + (elements.size() > 1 ? ", ... (" + elements.size() + " elements)" : "") + " }";
    }

    static void requireHandle(long handle) {
        if (handle <= 0) {
            throw new IllegalArgumentException("nft rule handle " + handle + " must be positive");
        }
    }
}
