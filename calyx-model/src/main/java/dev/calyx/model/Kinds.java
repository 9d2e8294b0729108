package dev.calyx.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the names users type for a kind, as calicoctl does: singular ({@code ippool}), plural
 * ({@code ippools}), short names ({@code gnp}, {@code hep}, {@code netpol}) and kubectl's qualified forms
 * ({@code bgppeers.projectcalico.org}, {@code bgppeer.p}), case-insensitively; and the manifest pair
 * (apiVersion, kind).
 */
public final class Kinds {
    private static final Map<String, Kind> BY_NAME = new HashMap<>();

    static {
        for (Kind k : Kind.values()) {
            if (k.isCalico()) {
                // kubectl-style qualified names work too: bgppeer.projectcalico.org, bgppeers.p.
                for (String n : new String[]{k.kindName(), k.plural()}) {
                    register(n, k);
                    register(n + ".projectcalico.org", k);
                    register(n + ".p", k);
                }
            }
            k.shortNames().forEach(n -> register(n, k));
        }
        register("pod", Kind.KUBERNETES_POD);
        register("pods", Kind.KUBERNETES_POD);
        register("namespaces", Kind.KUBERNETES_NAMESPACE);
        register("networkpolicies.networking.k8s.io", Kind.KUBERNETES_NETWORK_POLICY);
        register("networkpolicy.networking.k8s.io", Kind.KUBERNETES_NETWORK_POLICY);
    }

    private Kinds() {
    }

    private static void register(String name, Kind kind) {
        Kind previous = BY_NAME.putIfAbsent(name.toLowerCase(Locale.ROOT), kind);
        if (previous != null && previous != kind) {
            throw new IllegalStateException("kind name " + name + " claimed by " + previous + " and " + kind);
        }
    }

    /** The kind a command-line name refers to, e.g. {@code gnp} or {@code IPPools}. */
    public static Optional<Kind> lookup(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Like {@link #lookup} but failing with the name at fault. */
    public static Kind require(String name) {
        return lookup(name).orElseThrow(() -> new UnknownKindException("unknown resource type \"" + name + "\""));
    }

    /** The kind of a manifest document, from its {@code apiVersion} and {@code kind}. */
    public static Optional<Kind> forManifest(String apiVersion, String kind) {
        for (Kind k : Kind.values()) {
            if (k.apiVersion().equals(apiVersion) && k.kindName().equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
