package dev.calyx.calc;

import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.GlobalNetworkSet;
import dev.calyx.model.HostEndpoint;
import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.NetworkSet;
import dev.calyx.model.Profile;
import dev.calyx.model.Resource;
import dev.calyx.model.Tier;
import dev.calyx.model.WorkloadEndpoint;
import dev.calyx.model.k8s.K8sPolicyConverter;
import dev.calyx.model.k8s.NamespaceProfiles;
import java.util.HashMap;
import java.util.Map;

/**
 * Entry node: de-duplicates updates (an update equal to the current value, and a delete of an unknown key, do
 * nothing), converts Kubernetes kinds the way Calico's controllers do (NetworkPolicy to {@code knp.default.*},
 * Namespace to profile {@code kns.*}), compiles policies before any state changes (so a rejected input leaves
 * the graph untouched), and routes by kind. Kinds the graph does not use are ignored.
 *
 * <p>Keys are per input kind: feeding both a Kubernetes NetworkPolicy {@code x} and a Calico NetworkPolicy
 * {@code knp.default.x} (or a Namespace and a Profile {@code kns.<ns>}) makes them overwrite each other, as
 * they would in Calico's own store.
 *
 * <p>Thread safety: none; owned by the graph's thread.
 */
final class UpdateDispatcher {
    /** The nodes updates go to. */
    interface Routes {
        void policy(PolicyKey key, CompiledPolicy policy);

        void policyDeleted(PolicyKey key);

        void profile(String name, CompiledPolicy profile, Map<String, String> labelsToApply);

        void profileDeleted(String name);

        void tier(String name, Tier tier);

        void item(EndpointData item);

        void itemDeleted(EndpointKey key);
    }

    private final String nodeName;
    private final Routes routes;
    private final Map<ResourceKey, Resource> current = new HashMap<>();

    UpdateDispatcher(String nodeName, Routes routes) {
        this.nodeName = nodeName;
        this.routes = routes;
    }

    void onUpdate(Resource r) {
        ResourceKey key = ResourceKey.of(r);
        if (r.equals(current.get(key))) {
            return;
        }
        Runnable apply;
        try {
            apply = route(r);
        } catch (IllegalArgumentException e) {
            String msg = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(msg.contains(r.metadata().name()) ? msg : r.ref() + ": " + msg, e);
        }
        if (apply != null) {
            current.put(key, r);
            apply.run();
        }
    }

    void onDelete(ResourceKey key) {
        Resource old = current.remove(key);
        if (old == null) {
            return;
        }
        String ns = key.namespace();
        switch (old) {
            case GlobalNetworkPolicy p -> routes.policyDeleted(PolicyKey.global(key.name()));
            case NetworkPolicy p -> routes.policyDeleted(PolicyKey.namespaced(ns, key.name()));
            case KubernetesNetworkPolicy p ->
                    routes.policyDeleted(PolicyKey.namespaced(ns, K8sPolicyConverter.NAME_PREFIX + key.name()));
            case Profile p -> routes.profileDeleted(key.name());
            case KubernetesNamespace n -> routes.profileDeleted(NamespaceProfiles.profileName(key.name()));
            case Tier t -> routes.tier(key.name(), null);
            case WorkloadEndpoint w -> routes.itemDeleted(EndpointKey.workload(ns, key.name()));
            case HostEndpoint h -> routes.itemDeleted(EndpointKey.host(key.name()));
            case NetworkSet s -> routes.itemDeleted(new EndpointKey(EndpointKey.Type.NETWORK_SET, ns, key.name()));
            case GlobalNetworkSet s ->
                    routes.itemDeleted(new EndpointKey(EndpointKey.Type.GLOBAL_NETWORK_SET, null, key.name()));
            default -> throw new IllegalStateException("stored a kind the graph does not route: " + old.ref());
        }
    }

    /** The work an update does, computed (and validated) up front; null for kinds the graph ignores. */
    private Runnable route(Resource r) {
        String ns = r.metadata().namespace();
        String name = r.metadata().name();
        return switch (r) {
            case GlobalNetworkPolicy p -> {
                CompiledPolicy c = CompiledPolicy.of(p);
                yield () -> routes.policy(PolicyKey.global(name), c);
            }
            case NetworkPolicy p -> {
                CompiledPolicy c = CompiledPolicy.of(p);
                yield () -> routes.policy(PolicyKey.namespaced(ns, name), c);
            }
            case KubernetesNetworkPolicy k -> {
                NetworkPolicy p = K8sPolicyConverter.toCalico(k);
                CompiledPolicy c = CompiledPolicy.of(p);
                yield () -> routes.policy(PolicyKey.namespaced(ns, p.metadata().name()), c);
            }
            case Profile p -> profile(p);
            case KubernetesNamespace n -> profile(NamespaceProfiles.toProfile(n));
            case Tier t -> () -> routes.tier(name, t);
            case WorkloadEndpoint w -> item(EndpointData.of(w, nodeName));
            case HostEndpoint h -> item(EndpointData.of(h, nodeName));
            case NetworkSet s -> item(EndpointData.of(s));
            case GlobalNetworkSet s -> item(EndpointData.of(s));
            default -> null;
        };
    }

    private Runnable profile(Profile p) {
        CompiledPolicy c = CompiledPolicy.of(p);
        Map<String, String> labels = p.spec() == null ? null : p.spec().labelsToApply();
        return () -> routes.profile(p.metadata().name(), c, labels);
    }

    private Runnable item(EndpointData data) {
        return () -> routes.item(data);
    }
}
