package dev.calyx.datastore.resource;

import java.util.regex.Pattern;

/**
 * Identifies one Calico v3 resource, and maps it to Calico's etcd key layout:
 * <pre>
 * /calico/resources/v3/projectcalico.org/&lt;plural&gt;/&lt;name&gt;               cluster-scoped (namespace null)
 * /calico/resources/v3/projectcalico.org/&lt;plural&gt;/&lt;namespace&gt;/&lt;name&gt;   namespaced
 * </pre>
 *
 * @param plural    lower-case plural kind name, e.g. {@code ippools}, {@code networkpolicies}
 * @param namespace the namespace, or null for a cluster-scoped resource
 * @param name      the resource name
 */
public record ResourceKey(String plural, String namespace, String name) {
    public static final String ROOT = "/calico/resources/v3/projectcalico.org/";

    private static final Pattern PLURAL = Pattern.compile("[a-z][a-z0-9]*");

    public ResourceKey {
        if (plural == null || !PLURAL.matcher(plural).matches()) {
            throw new IllegalArgumentException("resource kind plural \"" + plural + "\": expected lower-case "
                    + "letters and digits, e.g. ippools");
        }
        checkSegment("namespace", namespace, true);
        checkSegment("name", name, false);
    }

    public static ResourceKey cluster(String plural, String name) {
        return new ResourceKey(plural, null, name);
    }

    public static ResourceKey namespaced(String plural, String namespace, String name) {
        return new ResourceKey(plural, namespace, name);
    }

    /** The etcd key of this resource. */
    public String etcdKey() {
        return listPrefix(plural, namespace) + name;
    }

    /** The key prefix of every resource of {@code plural} (in {@code namespace}, or in all when null). */
    public static String listPrefix(String plural, String namespace) {
        new ResourceKey(plural, namespace, "x"); // validates plural and namespace
        return ROOT + plural + "/" + (namespace == null ? "" : namespace + "/");
    }

    /** Parses an etcd key of the layout above; throws IllegalArgumentException naming the key otherwise. */
    public static ResourceKey fromEtcdKey(String key) {
        if (key == null || !key.startsWith(ROOT)) {
            throw new IllegalArgumentException("etcd key \"" + key + "\" is not under " + ROOT);
        }
        String[] parts = key.substring(ROOT.length()).split("/", -1);
        return switch (parts.length) {
            case 2 -> new ResourceKey(parts[0], null, parts[1]);
            case 3 -> new ResourceKey(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("etcd key \"" + key + "\" is not <plural>/[<namespace>/]<name>");
        };
    }

    private static void checkSegment(String what, String value, boolean nullable) {
        if (value == null && nullable) {
            return;
        }
        if (value == null || value.isEmpty() || value.contains("/")) {
            throw new IllegalArgumentException("resource " + what + " \"" + value + "\" must be non-empty and "
                    + "contain no '/'");
        }
    }

    /** {@code ippools/default-ipv4-ippool} or {@code networkpolicies/ns1/allow-dns}, for messages. */
    @Override
    public String toString() {
        return plural + "/" + (namespace == null ? "" : namespace + "/") + name;
    }
}
