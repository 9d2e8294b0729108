package dev.calyx.model.k8s;

import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.Resource;

import java.util.List;

/**
 * The Calico resources the dataplane sees for a Kubernetes object, as Calico's KDD conversion produces them:
 * a NetworkPolicy becomes {@code knp.default.<name>}, a Namespace becomes the profile {@code kns.<name>}. Pods are
 * not resources of their own for the dataplane (see {@link PodConversion} for what feeds their endpoints).
 */
public final class K8sResources {
    private K8sResources() {
    }

    /** The derived Calico resources (empty for kinds that derive none, including every Calico kind). */
    public static List<Resource> derived(Resource resource) {
        return switch (resource) {
            case KubernetesNetworkPolicy np -> List.of(K8sPolicyConverter.toCalico(np));
            case KubernetesNamespace ns -> List.of(NamespaceProfiles.toProfile(ns));
            default -> List.of();
        };
    }
}
