package dev.calyx.model.validation;

import dev.calyx.model.BGPConfiguration;
import dev.calyx.model.BGPFilter;
import dev.calyx.model.BGPPeer;
import dev.calyx.model.BlockAffinity;
import dev.calyx.model.CalicoNodeStatus;
import dev.calyx.model.ClusterInformation;
import dev.calyx.model.FelixConfiguration;
import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.GlobalNetworkSet;
import dev.calyx.model.HostEndpoint;
import dev.calyx.model.IPAMConfiguration;
import dev.calyx.model.IPPool;
import dev.calyx.model.IPReservation;
import dev.calyx.model.KubeControllersConfiguration;
import dev.calyx.model.KubernetesNamespace;
import dev.calyx.model.KubernetesNetworkPolicy;
import dev.calyx.model.KubernetesPod;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.NetworkSet;
import dev.calyx.model.Node;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Profile;
import dev.calyx.model.Resource;
import dev.calyx.model.StagedGlobalNetworkPolicy;
import dev.calyx.model.StagedKubernetesNetworkPolicy;
import dev.calyx.model.StagedNetworkPolicy;
import dev.calyx.model.Tier;
import dev.calyx.model.WorkloadEndpoint;

import java.util.List;

/**
 * Validates a resource the way Calico's clientv3 does before a write (struct validators, field tags and the CRD
 * CEL rules), returning every problem with its JSON path.
 *
 * <p>Design: one exhaustive switch over the sealed {@link Resource}; each kind's rules live in a small
 * {@code *Checks} class. Validation does not default: callers that mirror Calico's write path run
 * {@link dev.calyx.model.defaults.Defaults#apply} first (Calico defaults policy types and pool fields before
 * validating). Stateless and thread-safe.
 */
public final class Validator {
    private Validator() {
    }

    /** All problems of the resource; empty if it is valid. */
    public static List<FieldError> validate(Resource resource) {
        Problems p = new Problems();
        metadata(p, resource);
        switch (resource) {
            case IPPool r -> IpPoolChecks.ipPool(p, r);
            case IPReservation r -> IpPoolChecks.ipReservation(p, r);
            case IPAMConfiguration r -> ConfigChecks.ipamConfiguration(p, r);
            case BGPConfiguration r -> BgpChecks.configuration(p, r);
            case BGPPeer r -> BgpChecks.peer(p, r);
            case BGPFilter r -> BgpChecks.filter(p, r);
            case FelixConfiguration r -> FelixChecks.felix(p, r);
            case KubeControllersConfiguration r -> ConfigChecks.kubeControllers(p, r);
            case ClusterInformation r -> {
            }
            case Node r -> EndpointChecks.node(p, r);
            case Tier r -> PolicyChecks.tier(p, r);
            case Profile r -> PolicyChecks.profile(p, r);
            case NetworkPolicy r -> PolicyChecks.networkPolicy(p, r);
            case GlobalNetworkPolicy r -> PolicyChecks.globalNetworkPolicy(p, r);
            case StagedNetworkPolicy r -> PolicyChecks.stagedNetworkPolicy(p, r);
            case StagedGlobalNetworkPolicy r -> PolicyChecks.stagedGlobalNetworkPolicy(p, r);
            case StagedKubernetesNetworkPolicy r -> K8sChecks.stagedKubernetesNetworkPolicy(p, r);
            case NetworkSet r -> EndpointChecks.networkSet(p, r);
            case GlobalNetworkSet r -> EndpointChecks.globalNetworkSet(p, r);
            case HostEndpoint r -> EndpointChecks.hostEndpoint(p, r);
            case WorkloadEndpoint r -> EndpointChecks.workloadEndpoint(p, r);
            case BlockAffinity r -> ConfigChecks.blockAffinity(p, r);
            case CalicoNodeStatus r -> ConfigChecks.calicoNodeStatus(p, r);
            case KubernetesNetworkPolicy r -> K8sChecks.networkPolicy(p, r);
            case KubernetesNamespace r -> {
            }
            case KubernetesPod r -> {
            }
        }
        return p.list();
    }

    /** Throws {@link ValidationException} listing every problem if the resource is invalid. */
    public static void check(Resource resource) {
        List<FieldError> errors = validate(resource);
        if (!errors.isEmpty()) {
            throw new ValidationException(resource.ref(), errors);
        }
    }

    /** Kinds Calico only accepts as the one object named {@code default}. */
    private static void singletonName(Problems p, Resource resource) {
        String what = switch (resource) {
            case KubeControllersConfiguration r -> "Kube Controllers Configuration";
            case ClusterInformation r -> "Cluster Information";
            case IPAMConfiguration r -> "IPAM Configuration";
            default -> null;
        };
        if (what != null && !"default".equals(resource.metadata().name())) {
            p.add("metadata.name", "Cannot create a " + what + " resource with a name other than \"default\"");
        }
    }

    private static void metadata(Problems p, Resource resource) {
        ObjectMeta m = resource.metadata();
        if (m == null || m.name() == null || m.name().isEmpty()) {
            p.add("metadata.name", "Required value: name is required");
            return;
        }
        if (m.name().length() > 253) {
            p.add("metadata.name", "name is too long by " + (m.name().length() - 253) + " bytes");
        } else if (!(resource instanceof Tier || resource instanceof NetworkPolicy
                || resource instanceof GlobalNetworkPolicy || resource instanceof StagedNetworkPolicy
                || resource instanceof StagedGlobalNetworkPolicy)) {
            // Tiers and policies have their own, stricter name rules (PolicyChecks).
            Checks.resourceName(p, "metadata.name", m.name());
        }
        if (resource.kind().namespaced() && m.namespace() != null && !m.namespace().isEmpty()
                && (m.namespace().length() > 63 || !Checks.DNS_LABEL.matcher(m.namespace()).matches())) {
            p.add("metadata.namespace", "invalid namespace \"" + m.namespace() + "\": must be a DNS-1123 label");
        }
        if (!resource.kind().namespaced() && m.namespace() != null && !m.namespace().isEmpty()) {
            p.add("metadata.namespace", resource.kind().kindName() + " is not namespaced: namespace must not be set");
        }
        singletonName(p, resource);
        Checks.labels(p, "metadata.labels", m.labels());
        Checks.annotations(p, "metadata.annotations", m.annotations());
    }
}
