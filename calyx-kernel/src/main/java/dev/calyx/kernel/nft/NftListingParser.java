package dev.calyx.kernel.nft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns {@code nft -j list table|tables} output into records. The JSON schema (version 1) is a flat
 * {@code {"nftables": [{"metainfo"}, {"table"}, {"set"|"map"}, {"chain"}, {"rule"}...]}}; elements are strings,
 * numbers, {@code {"prefix": {"addr", "len"}}}, {@code {"range": [a, b]}}, {@code {"elem": {"val": ...}}} and, in
 * maps, {@code [key, value]} pairs with verdicts as {@code {"jump": {"target": c}}} or {@code {"accept": null}}.
 */
public final class NftListingParser {
    private NftListingParser() {
    }

    public static List<NftTable> tables(String json) {
        List<NftTable> out = new ArrayList<>();
        for (Map<String, Object> item : items(json)) {
            if (item.get("table") instanceof Map<?, ?> t) {
                out.add(new NftTable(NftFamily.of(str(t, "family")), str(t, "name")));
            }
        }
        return out;
    }

    public static NftTableContent table(NftTable table, String json) {
        List<NftChain> chains = new ArrayList<>();
        List<NftSet> sets = new ArrayList<>();
        List<NftRule> rules = new ArrayList<>();
        for (Map<String, Object> item : items(json)) {
            if (item.get("chain") instanceof Map<?, ?> c) {
                chains.add(new NftChain(str(c, "name"), num(c, "handle"), baseChain(c)));
            } else if (item.get("set") instanceof Map<?, ?> s) {
                sets.add(set(s, false));
            } else if (item.get("map") instanceof Map<?, ?> m) {
                sets.add(set(m, true));
            } else if (item.get("rule") instanceof Map<?, ?> r) {
                rules.add(rule(r));
            }
        }
        return new NftTableContent(table, chains, sets, rules);
    }

    private static List<Map<String, Object>> items(String json) {
        if (!(NftJson.parse(json) instanceof Map<?, ?> root) || !(root.get("nftables") instanceof List<?> list)) {
            throw new NftException("nft JSON output has no \"nftables\" array: " + NftNames.printable(json));
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object o : list) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(m);
        }
        return out;
    }

    /** Only the hooks and types the builder offers are mapped; anything else lists as a regular chain. */
    private static Optional<NftBaseChain> baseChain(Map<?, ?> c) {
        if (!(c.get("hook") instanceof String hook) || !(c.get("type") instanceof String type)) {
            return Optional.empty();
        }
        try {
            String policy = c.get("policy") instanceof String p ? p : "accept";
            return Optional.of(new NftBaseChain(NftBaseChain.Type.valueOf(type.toUpperCase(Locale.ROOT)),
                    NftBaseChain.Hook.valueOf(hook.toUpperCase(Locale.ROOT)), (int) num(c, "prio"),
                    NftBaseChain.Policy.valueOf(policy.toUpperCase(Locale.ROOT))));
        } catch (IllegalArgumentException unsupported) {
            return Optional.empty();
        }
    }

    private static NftSet set(Map<?, ?> s, boolean map) {
        String keyType = s.get("type") instanceof List<?> concat
                ? concat.stream().map(String::valueOf).collect(Collectors.joining(" . ")) : str(s, "type");
        Optional<String> dataType = map ? Optional.of(String.valueOf(s.get("map"))) : Optional.empty();
        Set<String> flags = s.get("flags") instanceof List<?> f
                ? f.stream().map(String::valueOf).collect(Collectors.toSet()) : Set.of();
        List<NftElement> elements = new ArrayList<>();
        if (s.get("elem") instanceof List<?> elems) {
            for (Object e : elems) {
                elements.add(map && e instanceof List<?> pair && pair.size() == 2
                        ? NftElement.of(element(pair.get(0)), element(pair.get(1)))
                        : NftElement.of(element(e)));
            }
        }
        return new NftSet(str(s, "name"), num(s, "handle"), map, keyType, dataType, flags, elements);
    }

    private static String element(Object e) {
        if (e instanceof String || e instanceof Number) {
            return String.valueOf(e);
        }
        if (e instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> only = m.entrySet().iterator().next();
            String k = String.valueOf(only.getKey());
            Object v = only.getValue();
            switch (k) {
                case "prefix" -> {
                    Map<?, ?> p = (Map<?, ?>) v;
                    return element(p.get("addr")) + "/" + p.get("len");
                }
                case "range" -> {
                    List<?> r = (List<?>) v;
                    return element(r.get(0)) + "-" + element(r.get(1));
                }
                case "elem" -> {
                    return element(((Map<?, ?>) v).get("val"));
                }
                case "jump", "goto" -> {
                    return k + " " + ((Map<?, ?>) v).get("target");
                }
                case "accept", "drop", "continue", "return" -> {
                    return k;
                }
                default -> {
                    return NftJson.write(e);
                }
            }
        }
        return NftJson.write(e);
    }

    private static NftRule rule(Map<?, ?> r) {
        Optional<NftCounter> counter = Optional.empty();
        if (r.get("expr") instanceof List<?> exprs) {
            for (Object x : exprs) {
                if (x instanceof Map<?, ?> m && m.get("counter") instanceof Map<?, ?> c && c.containsKey("packets")) {
                    counter = Optional.of(new NftCounter(num(c, "packets"), num(c, "bytes")));
                    break;
                }
            }
        }
        Optional<String> comment = r.get("comment") instanceof String s ? Optional.of(s) : Optional.empty();
        return new NftRule(str(r, "chain"), num(r, "handle"), comment, counter, NftJson.write(r.get("expr")));
    }

    private static String str(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new NftException("nft JSON output: field \"" + key + "\" missing in " + NftJson.write(m));
        }
        return s;
    }

    private static long num(Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new NftException("nft JSON output: field \"" + key + "\" missing in " + NftJson.write(m));
        }
        return n.longValue();
    }
}
