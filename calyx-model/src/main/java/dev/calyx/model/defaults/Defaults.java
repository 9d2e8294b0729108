package dev.calyx.model.defaults;

import dev.calyx.model.BGPConfiguration;
import dev.calyx.model.FelixConfiguration;
import dev.calyx.model.GlobalNetworkPolicy;
import dev.calyx.model.IPPool;
import dev.calyx.model.NetworkPolicy;
import dev.calyx.model.ObjectMeta;
import dev.calyx.model.Resource;
import dev.calyx.model.StagedGlobalNetworkPolicy;
import dev.calyx.model.StagedKubernetesNetworkPolicy;
import dev.calyx.model.StagedNetworkPolicy;
import dev.calyx.model.Tier;
import dev.calyx.model.policy.Rule;
import dev.calyx.model.validation.IpNets;

import java.util.List;

/**
 * Applies the defaults Calico applies when a resource is written (clientv3 {@code Create/Update} and the CRD
 * schema defaults), so that {@code apply} then {@code get} shows what Calico would show:
 * <ul>
 *   <li>namespaced kinds without a namespace go to {@code default} (calicoctl's behaviour);</li>
 *   <li>IPPool: blockSize 26 (IPv4) / 122 (IPv6), ipipMode and vxlanMode {@code Never}, nodeSelector
 *       {@code all()}, allowedUses {@code [Workload, Tunnel]}, assignmentMode {@code Automatic};</li>
 *   <li>policies: tier {@code default}; {@code types} inferred from the rules (Ingress if no egress rules,
 *       Egress if only egress rules, both if both); staged policies: stagedAction {@code Set};</li>
 *   <li>Tier: defaultAction {@code Deny} ({@code Pass} for kube-admin/kube-baseline), and the built-in
 *       tiers' fixed order when omitted; BGPConfiguration: logSeverityScreen {@code Info};
 *       FelixConfiguration: nftablesMode {@code Auto}.</li>
 * </ul>
 * Idempotent: {@code apply(apply(r)).equals(apply(r))}. Values the user wrote are never overwritten.
 */
public final class Defaults {
    public static final String DEFAULT_NAMESPACE = "default";

    private Defaults() {
    }

    public static Resource apply(Resource resource) {
        Resource r = namespace(resource);
        return switch (r) {
            case IPPool pool -> ipPool(pool);
            case NetworkPolicy np -> networkPolicy(np);
            case GlobalNetworkPolicy gnp -> globalNetworkPolicy(gnp);
            case StagedNetworkPolicy snp -> stagedNetworkPolicy(snp);
            case StagedGlobalNetworkPolicy sgnp -> stagedGlobalNetworkPolicy(sgnp);
            case StagedKubernetesNetworkPolicy sknp -> sknp.spec() != null && sknp.spec().stagedAction() == null
                    ? new StagedKubernetesNetworkPolicy(sknp.metadata(), new StagedKubernetesNetworkPolicy.Spec("Set",
                    sknp.spec().podSelector(), sknp.spec().ingress(), sknp.spec().egress(), sknp.spec().policyTypes()))
                    : sknp;
            case Tier tier -> tier(tier);
            case BGPConfiguration bgp -> bgpConfiguration(bgp);
            case FelixConfiguration fc -> felixConfiguration(fc);
            default -> r;
        };
    }

    private static Resource namespace(Resource r) {
        ObjectMeta m = r.metadata();
        if (r.kind().namespaced() && m != null && (m.namespace() == null || m.namespace().isEmpty())) {
            return r.withMetadata(m.withNamespace(DEFAULT_NAMESPACE));
        }
        return r;
    }

    /** Calico's defaultPolicyTypesField. */
    public static List<String> policyTypes(List<String> types, List<Rule> ingress, List<Rule> egress) {
        if (types != null && !types.isEmpty()) {
            return types;
        }
        boolean hasEgress = egress != null && !egress.isEmpty();
        boolean hasIngress = ingress != null && !ingress.isEmpty();
        if (!hasEgress) {
            return List.of("Ingress");
        }
        return hasIngress ? List.of("Ingress", "Egress") : List.of("Egress");
    }

    private static String orDefault(String value, String dflt) {
        return value == null || value.isEmpty() ? dflt : value;
    }

    private static IPPool ipPool(IPPool pool) {
        IPPool.Spec s = pool.spec();
        if (s == null) {
            return pool;
        }
        IpNets.Net cidr = IpNets.parseCidrOrIp(s.cidr());
        Integer blockSize = s.blockSize();
        if ((blockSize == null || blockSize == 0) && cidr != null) {
            blockSize = cidr.version() == 4 ? 26 : 122;
        }
        // A pool restricted to some namespaces cannot hand out tunnel addresses (Calico rejects Tunnel together
        // with namespaceSelector), so its default use is Workload alone.
        boolean namespaced = s.namespaceSelector() != null && !s.namespaceSelector().isEmpty();
        List<String> uses = s.allowedUses() == null || s.allowedUses().isEmpty()
                ? (namespaced ? List.of("Workload") : List.of("Workload", "Tunnel")) : s.allowedUses();
        var spec = new IPPool.Spec(s.cidr(), orDefault(s.vxlanMode(), "Never"), orDefault(s.ipipMode(), "Never"),
                s.natOutgoing(), s.disabled(), s.disableBGPExport(), blockSize, orDefault(s.nodeSelector(), "all()"),
                s.namespaceSelector(), s.ipip(), s.natOutgoingV1(), uses, orDefault(s.assignmentMode(), "Automatic"));
        return new IPPool(pool.metadata(), spec, pool.status());
    }

    private static NetworkPolicy networkPolicy(NetworkPolicy np) {
        var s = np.spec() != null ? np.spec() : new NetworkPolicy.Spec(null, null, null, null, null, null, null, null);
        return new NetworkPolicy(np.metadata(), new NetworkPolicy.Spec(orDefault(s.tier(), Tier.DEFAULT), s.order(),
                s.ingress(), s.egress(), s.selector(), policyTypes(s.types(), s.ingress(), s.egress()),
                s.serviceAccountSelector(), s.performanceHints()));
    }

    private static GlobalNetworkPolicy globalNetworkPolicy(GlobalNetworkPolicy gnp) {
        var s = gnp.spec() != null ? gnp.spec()
                : new GlobalNetworkPolicy.Spec(null, null, null, null, null, null, null, null, null, null, null, null);
        return new GlobalNetworkPolicy(gnp.metadata(), new GlobalNetworkPolicy.Spec(orDefault(s.tier(), Tier.DEFAULT),
                s.order(), s.ingress(), s.egress(), s.selector(), policyTypes(s.types(), s.ingress(), s.egress()),
                s.doNotTrack(), s.preDNAT(), s.applyOnForward(), s.serviceAccountSelector(), s.namespaceSelector(),
                s.performanceHints()));
    }

    private static StagedNetworkPolicy stagedNetworkPolicy(StagedNetworkPolicy np) {
        var s = np.spec() != null ? np.spec()
                : new StagedNetworkPolicy.Spec(null, null, null, null, null, null, null, null, null);
        String action = orDefault(s.stagedAction(), "Set");
        List<String> types = "Delete".equals(action) ? s.types() : policyTypes(s.types(), s.ingress(), s.egress());
        return new StagedNetworkPolicy(np.metadata(), new StagedNetworkPolicy.Spec(action,
                orDefault(s.tier(), Tier.DEFAULT), s.order(), s.ingress(), s.egress(), s.selector(), types,
                s.serviceAccountSelector(), s.performanceHints()));
    }

    private static StagedGlobalNetworkPolicy stagedGlobalNetworkPolicy(StagedGlobalNetworkPolicy np) {
        var s = np.spec() != null ? np.spec() : new StagedGlobalNetworkPolicy.Spec(null, null, null, null, null,
                null, null, null, null, null, null, null, null);
        String action = orDefault(s.stagedAction(), "Set");
        List<String> types = "Delete".equals(action) ? s.types() : policyTypes(s.types(), s.ingress(), s.egress());
        return new StagedGlobalNetworkPolicy(np.metadata(), new StagedGlobalNetworkPolicy.Spec(action,
                orDefault(s.tier(), Tier.DEFAULT), s.order(), s.ingress(), s.egress(), s.selector(), types,
                s.doNotTrack(), s.preDNAT(), s.applyOnForward(), s.serviceAccountSelector(), s.namespaceSelector(),
                s.performanceHints()));
    }

    private static Tier tier(Tier tier) {
        var s = tier.spec();
        Double order = s == null ? null : s.order();
        String action = s == null ? null : s.defaultAction();
        String name = tier.metadata() == null ? null : tier.metadata().name();
        if (order == null && name != null) {
            // The built-in tiers have fixed orders; an omitted order means that one (user tiers stay "last").
            order = switch (name) {
                case Tier.DEFAULT -> Tier.DEFAULT_ORDER;
                case Tier.KUBE_ADMIN -> Tier.KUBE_ADMIN_ORDER;
                case Tier.KUBE_BASELINE -> Tier.KUBE_BASELINE_ORDER;
                default -> null;
            };
        }
        boolean passByDefault = Tier.KUBE_ADMIN.equals(name) || Tier.KUBE_BASELINE.equals(name);
        return new Tier(tier.metadata(), new Tier.Spec(order, orDefault(action, passByDefault ? "Pass" : "Deny")));
    }

    private static BGPConfiguration bgpConfiguration(BGPConfiguration c) {
        var s = c.spec();
        if (s == null || s.logSeverityScreen() != null) {
            return c;
        }
        return new BGPConfiguration(c.metadata(), new BGPConfiguration.Spec("Info", s.nodeToNodeMeshEnabled(),
                s.asNumber(), s.serviceLoadBalancerIPs(), s.serviceExternalIPs(), s.serviceClusterIPs(),
                s.communities(), s.prefixAdvertisements(), s.listenPort(), s.nodeMeshPassword(),
                s.nodeMeshMaxRestartTime(), s.bindMode(), s.ignoredInterfaces(), s.localWorkloadPeeringIPV4(),
                s.localWorkloadPeeringIPV6(), s.programClusterRoutes(), s.serviceLoadBalancerAggregation(),
                s.ipv4NormalRoutePriority(), s.ipv6NormalRoutePriority()));
    }

    private static FelixConfiguration felixConfiguration(FelixConfiguration fc) {
        if (fc.spec() == null || fc.spec().nftablesMode() != null) {
            return fc;
        }
        return new FelixConfiguration(fc.metadata(), FelixSpecs.withNftablesMode(fc.spec(), "Auto"));
    }

    /** The tiers Calico creates itself: kube-admin (1000, Pass), default (1e6, Deny), kube-baseline (1e7, Pass). */
    public static List<Tier> builtinTiers() {
        return List.of(
                new Tier(ObjectMeta.named(Tier.KUBE_ADMIN), new Tier.Spec(Tier.KUBE_ADMIN_ORDER, "Pass")),
                new Tier(ObjectMeta.named(Tier.DEFAULT), new Tier.Spec(Tier.DEFAULT_ORDER, "Deny")),
                new Tier(ObjectMeta.named(Tier.KUBE_BASELINE), new Tier.Spec(Tier.KUBE_BASELINE_ORDER, "Pass")));
    }
}
