package dev.calyx.model;

/**
 * A resource calyx stores or consumes: every {@code projectcalico.org/v3} kind plus the Kubernetes kinds calyx
 * reads ({@code networking.k8s.io/v1} NetworkPolicy, {@code v1} Namespace and Pod).
 *
 * <p>Design: a closed sum so that validation, defaulting and conversion are exhaustive {@code switch}es that the
 * compiler checks when a kind is added. The apiVersion/kind pair is not a record component; it is a property of
 * the Java type ({@link #kind()}) and the codec writes it first in every document.
 */
public sealed interface Resource permits IPPool, IPReservation, IPAMConfiguration, BGPConfiguration, BGPPeer,
        BGPFilter, FelixConfiguration, KubeControllersConfiguration, ClusterInformation, Node, Tier, Profile,
        NetworkPolicy, GlobalNetworkPolicy, StagedNetworkPolicy, StagedGlobalNetworkPolicy,
        StagedKubernetesNetworkPolicy, NetworkSet, GlobalNetworkSet, HostEndpoint, WorkloadEndpoint,
        BlockAffinity, CalicoNodeStatus, KubernetesNetworkPolicy, KubernetesNamespace, KubernetesPod {

    ObjectMeta metadata();

    /** The same resource with other metadata (the datastore stamps revision/uid/creation time). */
    Resource withMetadata(ObjectMeta metadata);

    default Kind kind() {
        return Kind.of(getClass());
    }

    /** {@code Kind/name} or {@code Kind/namespace/name}, the way errors name an object. */
    default String ref() {
        var m = metadata();
        String name = m == null || m.name() == null ? "<no name>" : m.name();
        if (kind().namespaced() && m != null && m.namespace() != null) {
            return kind().kindName() + "/" + m.namespace() + "/" + name;
        }
        return kind().kindName() + "/" + name;
    }
}
